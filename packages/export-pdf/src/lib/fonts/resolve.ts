/**
 * Which face draws each role. In order: the user's files (`fonts` option), the theme's files,
 * installed faces (see `candidates.ts`), the Noto Serif SC (宋) and Noto Sans SC (黑) files bundled
 * from npm. A Traditional document (zh-TW, zh-HK, zh-Hant) takes installed TC faces, then the
 * bundled Noto Serif TC / Noto Sans TC, then installed SC faces, then the bundled SC ones: a TC face
 * draws Taiwan's and Hong Kong's glyph forms and centres ，。 in their cells, as their readers expect. A role with none of these falls back: 楷 and 仿宋 to 宋, 小标宋 to 宋 bold, the code face
 * to 宋; each fallback is a warning. Results are cached per process: faces are opened once.
 */

import type { FontRole, Theme } from '@wenshu/theme';
import {
  type Candidate,
  candidates,
  isCandidateFile,
  ownCandidates,
  PDF_FONT_ROLES,
  type PdfFontRole,
  type Script,
  scriptOf,
} from './candidates.js';
import { type Face, lazyFace, openFace, parseFontSpec } from './face.js';
import { FontFileError } from './font-file-error.js';
import { type BundledScript, type BundledWeight, type FontHost, noFontFiles, type SystemFace } from './host.js';

/** Where a role's face came from. */
export type FontSource = 'user' | 'theme' | 'system' | 'bundled' | 'fallback';

export interface RoleFaces {
  role: PdfFontRole;
  regular: Face;
  bold: Face;
  source: FontSource;
  boldSource: FontSource;
  /** How the bold face was chosen, when it is not the regular face's own bold. */
  boldNote?: string;
}

export interface FontWarning {
  role: PdfFontRole;
  message: string;
}

export interface ResolvedFonts {
  script: Script;
  roles: Record<PdfFontRole, RoleFaces>;
  /** Fallbacks and unusable files. */
  warnings: FontWarning[];
  /** Whether installed fonts were looked at (for roles and for missing characters). */
  systemFonts: boolean;
  /** Where the faces came from, and where faces for missing characters are looked for. */
  host: FontHost;
}

export interface ResolveFontsOptions {
  /** Font files by role (`path`, or `path.ttc#PostScriptName`): they win over everything else. */
  fonts?: Partial<Record<PdfFontRole, string>>;
  /** Its `fonts[role].files` come after the user's files. */
  theme?: Theme;
  /** BCP 47: Traditional-Chinese tags (zh-TW, zh-HK, zh-Hant) prefer Traditional faces. Default zh-CN. */
  lang?: string;
  /** Look at installed fonts (default `true`); `false` uses only given and bundled files. */
  systemFonts?: boolean;
  /**
   * Where font files are read from, bundled faces found and installed ones listed: on Node the
   * file system (the default of the package's Node entry); elsewhere `memoryFontHost(bytes…)`.
   */
  host?: FontHost;
}

/** Chinese names of the roles, for messages and listings. */
export const ROLE_NAMES: Record<PdfFontRole, string> = {
  song: '宋',
  hei: '黑',
  kai: '楷',
  fang: '仿宋',
  title: '小标宋',
  mono: '等宽',
};

export function roleLabel(role: PdfFontRole): string {
  return `${ROLE_NAMES[role]} (${role})`;
}

/** A bundled face, read when first used; an error when the host has none (every role then needs a file). */
export function bundledFace(
  host: FontHost,
  family: 'serif' | 'sans',
  weight: BundledWeight,
  script: BundledScript = 'sc',
): Face {
  const style = { light: 'Light', regular: 'Regular', bold: 'Bold' }[weight];
  const file = host.bundledFile(family, weight, script);
  const name = `Noto${family === 'serif' ? 'Serif' : 'Sans'}${script.toUpperCase()}`;
  if (file === undefined) {
    throw new FontFileError(`${name} ${style}`, 'no bundled faces here: give font files');
  }
  return lazyFace(host, file, `${name}-${style}`);
}

/**
 * The bundled face a document of `script` takes: for Traditional, the TC face when the host has
 * it, else the SC one (it has Traditional characters too, in mainland forms). `undefined` when the
 * host has neither.
 */
export function bundledFor(
  host: FontHost,
  family: 'serif' | 'sans',
  weight: BundledWeight,
  script: Script,
): Face | undefined {
  if (script === 'tc' && host.bundledFile(family, weight, 'tc') !== undefined) {
    return bundledFace(host, family, weight, 'tc');
  }
  return host.bundledFile(family, weight) === undefined ? undefined : bundledFace(host, family, weight);
}

/**
 * The face 楷 falls back to: 黑 in its light weight. 楷 sets GB/T 9704's second-level headings
 * (（一）) and 仿宋 the body and the third and fourth levels; were both to fall back to 宋, as they
 * did, （一） would look exactly like body text (issue 15). A light 黑 is neither 宋 (body, 1. in
 * bold) nor the regular 黑 of the first level (一、). `undefined` when the bundled file is absent.
 */
function kaiFallback(host: FontHost, script: Script): Face | undefined {
  return bundledFor(host, 'sans', 'light', script);
}

const BUNDLED: Partial<Record<PdfFontRole, 'serif' | 'sans'>> = { song: 'serif', hei: 'sans' };

/** Roles in resolution order: 宋 first, since the others fall back to it. */
const ORDER: PdfFontRole[] = ['song', 'hei', 'kai', 'fang', 'title', 'mono'];

interface Found {
  regular: Face;
  bold?: Face;
  source: FontSource;
}

function findSystem(host: FontHost, list: Candidate[], installed: SystemFace[]): Found | undefined {
  const byName = new Map<string, SystemFace>();
  for (const face of installed) if (!byName.has(face.postscriptName)) byName.set(face.postscriptName, face);
  for (const candidate of list) {
    const entry = byName.get(candidate.regular);
    if (!entry) continue;
    const regular = lazyFace(host, entry.file, entry.postscriptName);
    const boldEntry = candidate.bold ? byName.get(candidate.bold) : undefined;
    const bold = boldEntry ? lazyFace(host, boldEntry.file, boldEntry.postscriptName) : undefined;
    return { regular, ...(bold ? { bold } : {}), source: 'system' };
  }
  return undefined;
}

/** A bold face of the role's other candidates, when the chosen face has none of its own. */
function findSystemBold(host: FontHost, role: PdfFontRole, script: Script, installed: SystemFace[]): Face | undefined {
  const byName = new Map(installed.map((face) => [face.postscriptName, face]));
  for (const candidate of candidates(role, script)) {
    const entry = candidate.bold ? byName.get(candidate.bold) : undefined;
    if (entry) return lazyFace(host, entry.file, entry.postscriptName);
  }
  return undefined;
}

/** A bundled face and its bold, when the host has them. */
function bundledPair(host: FontHost, family: 'serif' | 'sans', script: BundledScript): Found | undefined {
  if (host.bundledFile(family, 'regular', script) === undefined) return undefined;
  const regular = bundledFace(host, family, 'regular', script);
  const bold =
    host.bundledFile(family, 'bold', script) === undefined ? undefined : bundledFace(host, family, 'bold', script);
  return { regular, ...(bold ? { bold } : {}), source: 'bundled' };
}

function resolveUncached(host: FontHost, options: ResolveFontsOptions): ResolvedFonts {
  const script = scriptOf(options.lang);
  const useSystem = options.systemFonts ?? true;
  const installed = useSystem ? host.systemFaces(isCandidateFile) : [];
  // A bundled face, or none when the host has no bundled faces (then every role needs a file).
  const bundled = (family: 'serif' | 'sans', weight: BundledWeight): Face | undefined =>
    bundledFor(host, family, weight, script);
  const warnings: FontWarning[] = [];
  const roles = {} as Record<PdfFontRole, RoleFaces>;

  const open = (role: PdfFontRole, spec: string, what: string): Face | undefined => {
    const { file, postscriptName } = parseFontSpec(spec);
    try {
      return openFace(host, file, postscriptName, script === 'tc' ? /tc|TC|hk|HK/ : /sc|SC|CN/);
    } catch (error) {
      const reason = error instanceof FontFileError ? error.message : String(error);
      warnings.push({ role, message: `${what} for ${roleLabel(role)} cannot be used: ${reason}` });
      return undefined;
    }
  };

  for (const role of ORDER) {
    let found: Found | undefined;
    const user = options.fonts?.[role];
    if (user) {
      const regular = open(role, user, 'the font file');
      if (regular) found = { regular, source: 'user' };
    }
    const files = role === 'mono' ? undefined : options.theme?.fonts[role as FontRole].files;
    if (!found && files?.regular) {
      const regular = open(role, files.regular, `the theme's font file`);
      if (regular) found = { regular, source: 'theme' };
    }
    if (found && files?.bold && (found.source === 'theme' || !found.bold)) {
      const bold = open(role, files.bold, `the theme's bold font file`);
      if (bold) found.bold = bold;
    }
    const family = BUNDLED[role];
    if (!found && useSystem) found = findSystem(host, ownCandidates(role, script), installed);
    // A Traditional document: the bundled TC face before an installed SC one (its glyph forms and
    // centred marks are what a Taiwan or Hong Kong reader expects); then the SC faces.
    if (!found && family && script === 'tc') found = bundledPair(host, family, 'tc');
    if (!found && useSystem && script === 'tc') found = findSystem(host, ownCandidates(role, 'sc'), installed);
    if (!found && family) found = bundledPair(host, family, 'sc');
    if (!found && role === 'song') {
      // Every other role falls back to 宋: without it there is nothing to fall back to.
      throw new FontFileError(roleLabel(role), 'no face for it: give its font file, or the bundled faces');
    }

    if (!found) {
      const song = roles.song;
      const light = role === 'kai' ? kaiFallback(host, script) : undefined;
      const regular = light ?? (role === 'title' ? song.bold : song.regular);
      const bold = light ? roles.hei.bold : song.bold;
      roles[role] = {
        role,
        regular,
        bold,
        source: 'fallback',
        boldSource: 'fallback',
        boldNote: `from ${roleLabel(light ? 'hei' : 'song')}`,
      };
      const tried = useSystem ? 'no font file given and none installed' : 'no font file given';
      const as = light
        ? `${roleLabel('hei')} light, apart from 宋 and 仿宋 text`
        : role === 'title'
          ? `${roleLabel('song')} bold`
          : roleLabel('song');
      warnings.push({ role, message: `${roleLabel(role)}: ${tried}; set in ${as} (${regular.postscriptName})` });
      continue;
    }

    let bold = found.bold;
    let boldSource = found.source;
    let boldNote: string | undefined;
    if (!bold && useSystem) {
      bold = findSystemBold(host, role, script, installed);
      boldSource = 'system';
      if (bold) boldNote = 'the bold of another installed face';
    }
    const bundledBold = !bold && family ? bundled(family, 'bold') : undefined;
    if (bundledBold) {
      bold = bundledBold;
      boldSource = 'bundled';
      boldNote = 'the bundled bold';
    }
    if (!bold && role !== 'song') {
      bold = roles.song.bold;
      boldSource = roles.song.boldSource;
      boldNote = `from ${roleLabel('song')}`;
    }
    if (!bold) {
      bold = found.regular;
      boldSource = found.source;
      boldNote = 'no bold face: bold is set in the regular face';
    }
    roles[role] = {
      role,
      regular: found.regular,
      bold,
      source: found.source,
      boldSource,
      ...(boldNote ? { boldNote } : {}),
    };
  }
  return { script, roles, warnings, systemFonts: useSystem, host };
}

const caches = new WeakMap<FontHost, Map<string, ResolvedFonts>>();

/**
 * The face of every role (see the module comment for the order). Cached per process for the same
 * options; opening faces reads their files once.
 */
export function resolveFonts(options: ResolveFontsOptions = {}): ResolvedFonts {
  const themeFiles = options.theme
    ? Object.fromEntries(Object.entries(options.theme.fonts).map(([role, face]) => [role, face.files]))
    : {};
  const key = JSON.stringify([options.fonts ?? {}, themeFiles, scriptOf(options.lang), options.systemFonts ?? true]);
  const host = options.host ?? noFontFiles;
  let cache = caches.get(host);
  if (!cache) {
    cache = new Map();
    caches.set(host, cache);
  }
  let resolved = cache.get(key);
  if (!resolved) {
    resolved = resolveUncached(host, options);
    cache.set(key, resolved);
  }
  return resolved;
}

/** One line of `wenshu fonts`. */
export interface FontListing {
  role: PdfFontRole;
  /** 宋, 黑, 楷, 仿宋, 小标宋, 等宽. */
  name: string;
  weight: 'regular' | 'bold';
  file: string;
  /** The face's PostScript name (which face of a collection). */
  face: string;
  glyphs: number;
  source: FontSource;
  note?: string;
}

/** Role → file → face → glyph count, regular and bold, for every role (`wenshu fonts` prints it). */
export function listFonts(options: ResolveFontsOptions = {}): FontListing[] {
  const resolved = resolveFonts(options);
  const rows: FontListing[] = [];
  for (const role of PDF_FONT_ROLES) {
    const faces = resolved.roles[role];
    const fallback = faces.source === 'fallback' ? resolved.warnings.find((w) => w.role === role)?.message : undefined;
    rows.push({
      role,
      name: ROLE_NAMES[role],
      weight: 'regular',
      file: faces.regular.file,
      face: faces.regular.postscriptName,
      glyphs: faces.regular.glyphCount,
      source: faces.source,
      ...(fallback ? { note: fallback } : {}),
    });
    rows.push({
      role,
      name: ROLE_NAMES[role],
      weight: 'bold',
      file: faces.bold.file,
      face: faces.bold.postscriptName,
      glyphs: faces.bold.glyphCount,
      source: faces.boldSource,
      ...(faces.boldNote ? { note: faces.boldNote } : {}),
    });
  }
  return rows;
}
