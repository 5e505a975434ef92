/**
 * The conversion worker: `convert` of `@wenshu/convert`, the command's one entry point, run off
 * the page's thread so the page never freezes. It is loaded with the first conversion; the PDF's
 * faces are fetched from the site (`fonts/`) when the first PDF is asked for, and kept: the SC faces
 * with the first PDF, the TC faces with the first Traditional PDF only (a Simplified-only user never
 * downloads their 40 MB).
 */
import './node-globals.js';
import {
  type Finding,
  fontFileName,
  type InputFile,
  LIST_LIMIT,
  type OutlineEntry,
  type Reply,
  type Request,
  type Settings,
  type UserFont,
} from './protocol.js';

type Convert = typeof import('@wenshu/convert');
declare const __WENSHU_VERSION__: string;
let wenshu: Promise<Convert> | undefined;
// The globals above must be in place before pdfkit's modules run: loaded after them, on demand.
const load = () => (wenshu ??= import('@wenshu/convert'));

const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

const post = (reply: Reply, transfer: Transferable[] = []) => postMessage(reply, { transfer });

/** The bundled faces the command falls back to (`apps/cli/dist/fonts`), served in `fonts/`. */
const BUNDLED_SC = {
  'serif-regular': 'NotoSerifSC_400Regular.ttf',
  'serif-bold': 'NotoSerifSC_700Bold.ttf',
  'sans-light': 'NotoSansSC_300Light.ttf',
  'sans-regular': 'NotoSansSC_400Regular.ttf',
  'sans-bold': 'NotoSansSC_700Bold.ttf',
} as const;

/** The same five in Traditional-Chinese forms, the first fallback of zh-TW / zh-HK / zh-Hant documents. */
const BUNDLED_TC = {
  'serif-regular-tc': 'NotoSerifTC_400Regular.ttf',
  'serif-bold-tc': 'NotoSerifTC_700Bold.ttf',
  'sans-light-tc': 'NotoSansTC_300Light.ttf',
  'sans-regular-tc': 'NotoSansTC_400Regular.ttf',
  'sans-bold-tc': 'NotoSansTC_700Bold.ttf',
} as const;

type Script = 'sc' | 'tc';
const BUNDLED: Record<Script, Record<string, string>> = { sc: BUNDLED_SC, tc: BUNDLED_TC };
const bundledFaces: Partial<Record<Script, Promise<Record<string, Uint8Array>>>> = {};

/** One set of bundled faces' bytes, fetched once (the service worker keeps them for the next visit). */
function fetchBundled(script: Script): Promise<Record<string, Uint8Array>> {
  let faces = bundledFaces[script];
  if (!faces) {
    faces = Promise.all(
      Object.values(BUNDLED[script]).map(async (file) => {
        const response = await fetch(new URL(`../fonts/${file}`, self.location.href));
        if (!response.ok) throw new Error(`fonts/${file}: ${response.status} ${response.statusText}`);
        return [file, new Uint8Array(await response.arrayBuffer())] as const;
      }),
    ).then(Object.fromEntries);
    faces.catch(() => {
      delete bundledFaces[script];
    });
    bundledFaces[script] = faces;
  }
  return faces;
}

/**
 * Whether a file's PDFs include a Traditional one: a Traditional edition, or the file as written
 * when it is in Traditional characters or its front matter says so (as the parser tags it, see
 * `traditionalLanguageOf`). Only then are the TC faces fetched.
 */
async function wantsTraditional(module: Convert, settings: Settings, file: InputFile): Promise<boolean> {
  if (settings.editions.some((edition) => edition !== 'cn')) return true;
  let text: string;
  try {
    text = module.decodeSource(file.name, file.bytes).text;
  } catch {
    return false; // convert says what is wrong with the file
  }
  const { isTraditionalChinese, traditionalLanguageOf } = await import('@wenshu/parser');
  // Front matter's `lang:` or a saved page's `<html lang>`, which the parser takes over the text's script.
  const declared = /(?:^lang:\s*|<html[^>]*\slang=)["']?(zh[A-Za-z0-9-]*)/im.exec(text.slice(0, 4000))?.[1];
  return declared !== undefined ? isTraditionalChinese(declared) : traditionalLanguageOf(text) !== undefined;
}

/** The passes switched off, and punctuation when it is not left to the theme (as the command's flags say them). */
function passes(settings: Settings) {
  return { ...settings.passes, ...(settings.punctuation === undefined ? {} : { punctuation: settings.punctuation }) };
}

/** The theme a conversion uses: the editor's theme file, read as the command reads `--theme FILE`, or the preset. */
async function themeOf(settings: Settings) {
  if (!settings.themeFile) return settings.theme;
  const { themeFromText } = await import('@wenshu/theme');
  return themeFromText(JSON.stringify(settings.themeFile), 'theme.json');
}

/** The Traditional editions' options, from the texts of a user dictionary and a list of protected terms. */
async function zhOptionsOf(settings: Settings) {
  const { vocabulary, dictionary, protect } = settings.zh;
  if (dictionary.trim() === '' && protect.trim() === '') return { vocabulary };
  const zh = await import('@wenshu/zh');
  return {
    vocabulary,
    ...(dictionary.trim() ? { dictionary: zh.parseDictionary(dictionary, 'dictionary') } : {}),
    ...(protect.trim() ? { protect: zh.parseProtectedTerms(protect, 'protected terms') } : {}),
  };
}

/** The text of a node: its text leaves, in order. */
function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { value, children } = node as { value?: unknown; children?: unknown[] };
  if (typeof value === 'string') return value;
  return Array.isArray(children) ? children.map(textOf).join('') : '';
}

interface Block {
  type: string;
  depth?: number;
  ordinal?: { level: number; marker: string };
  title?: unknown;
  children?: unknown[];
  position?: { start: { line: number } };
}

/**
 * The outline as the tree says it (headings with their depth, items with their ordinal's level),
 * each with its line: decided by `convert`'s repair passes, only read here.
 */
function outlineOf(document: { children: Block[]; meta: { title?: string } }): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let titled = false;
  for (const block of document.children) {
    const line = block.position?.start.line ?? 0;
    if (block.type === 'heading') {
      const text = textOf(block).trim();
      const isTitle: boolean = !titled && document.meta.title !== undefined && text === document.meta.title;
      titled ||= isTitle;
      entries.push({
        kind: isTitle ? 'title' : 'heading',
        level: block.ordinal?.level ?? block.depth ?? 1,
        text,
        line,
      });
    } else if (block.type === 'item') {
      const title = block.title === undefined ? '' : textOf(block.title);
      const text = `${block.ordinal?.marker ?? ''}${title || textOf(block)}`.trim();
      entries.push({
        kind: 'item',
        level: block.ordinal?.level ?? 3,
        text: text.length > 60 ? `${text.slice(0, 60)}…` : text,
        line,
      });
    }
  }
  return entries;
}

function findings(result: {
  fixes: { kind: string; line: number; before: string; after: string }[];
  warnings: { code: string; message: string; line?: number }[];
}): Finding[] {
  return [
    ...result.fixes.map((fix) => ({
      kind: fix.kind,
      message: fix.after === '' ? `${fix.before} →∅` : `${fix.before} → ${fix.after}`,
      line: fix.line,
    })),
    ...result.warnings.map((warning) => ({ kind: warning.code, message: warning.message, line: warning.line ?? 0 })),
  ].sort((a, b) => a.line - b.line);
}

async function check(request: Extract<Request, { type: 'check' }>): Promise<void> {
  const { convert, decodeSource } = await load();
  try {
    const { text } = decodeSource(request.file.name, request.file.bytes);
    const result = await convert(text, {
      fileName: request.file.name,
      targets: [],
      theme: await themeOf(request.settings),
      passes: passes(request.settings),
    });
    const outline = outlineOf(result.document as never);
    const found = findings(result);
    post({
      type: 'checked',
      id: request.id,
      file: request.file.name,
      text,
      outline: outline.slice(0, LIST_LIMIT),
      findings: found.slice(0, LIST_LIMIT),
      omitted: { outline: Math.max(0, outline.length - LIST_LIMIT), findings: Math.max(0, found.length - LIST_LIMIT) },
    });
  } catch (error) {
    failed(request.id, request.file.name, error, await load());
  }
}

function failed(id: number, file: string, error: unknown, wenshuModule: Convert): void {
  const input = error instanceof wenshuModule.InputError;
  const message = error instanceof Error ? error.message : String(error);
  post({ type: 'failed', id, file, message, input });
}

async function convertAll(request: Extract<Request, { type: 'convert' }>): Promise<void> {
  const started = performance.now();
  const module = await load();
  const { settings } = request;
  const targets = settings.editions.flatMap((edition) => settings.formats.map((format) => ({ format, edition })));
  const wantsPdf = settings.formats.includes('pdf');
  const made: { name: string; bytes: Uint8Array }[] = [];
  for (const file of request.files) {
    const begun = performance.now();
    let done = 0;
    try {
      let fontOptions = {};
      if (wantsPdf) {
        post({ type: 'progress', id: request.id, file: file.name, stage: 'fonts', done, total: targets.length });
        const traditional = await wantsTraditional(module, settings, file);
        const bundled = { ...(await fetchBundled('sc')), ...(traditional ? await fetchBundled('tc') : {}) };
        fontOptions = fontsFor(module, bundled, request.userFonts, traditional);
      }
      const result = await module.convert(file.bytes, {
        fileName: file.name,
        targets,
        theme: await themeOf(settings),
        zhOptions: await zhOptionsOf(settings),
        toc: settings.toc,
        sheetLang: settings.sheetLang,
        version: __WENSHU_VERSION__,
        passes: passes(settings),
        ...(request.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: request.sourceDateEpoch }),
        ...fontOptions,
        onStage: (stage) =>
          post({ type: 'progress', id: request.id, file: file.name, stage, done, total: targets.length }),
        onOutput: (output) => {
          done += 1;
          made.push(output);
          // A Blob, made here: the page only links to it (making it there would copy megabytes on its thread).
          post({
            type: 'output',
            id: request.id,
            file: file.name,
            name: output.name,
            blob: new Blob([output.bytes as Uint8Array<ArrayBuffer>], { type: MEDIA_TYPES[output.format] }),
            elapsedMs: performance.now() - begun,
          });
        },
      });
      const found = findings(result);
      post({
        type: 'file-done',
        id: request.id,
        file: file.name,
        findings: found.slice(0, LIST_LIMIT),
        omittedFindings: Math.max(0, found.length - LIST_LIMIT),
      });
    } catch (error) {
      failed(request.id, file.name, error, module);
    }
  }
  post({ type: 'done', id: request.id, elapsedMs: performance.now() - started });
  // One zip of them all, made from the worker's own copies: sending them back to be zipped would
  // copy megabytes on the page's thread.
  if (made.length > 1) {
    const { zipPackage } = await import('@wenshu/zip');
    const bytes = zipPackage(new Map(made.map((output) => [output.name, output.bytes])), Date.now());
    post({
      type: 'zipped',
      id: request.id,
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    });
  }
}

/** The PDF's font host: the bundled faces, and the user's files for their roles. */
function fontsFor(module: Convert, bundled: Record<string, Uint8Array>, userFonts: UserFont[], traditional: boolean) {
  const files: Record<string, Uint8Array> = { ...bundled };
  const fonts: Partial<Record<UserFont['role'], string>> = {};
  for (const font of userFonts) {
    // A collection's face is named by its PostScript name after `#`, as the command's `--font` takes it.
    const name = fontFileName(font);
    files[name] = font.bytes;
    fonts[font.role] = font.postscriptName ? `${name}#${font.postscriptName}` : name;
  }
  const names = { ...BUNDLED_SC, ...(traditional ? BUNDLED_TC : {}) };
  return { fontHost: module.memoryFontHost(files, names), ...(userFonts.length ? { fonts } : {}) };
}

async function theme(request: Extract<Request, { type: 'theme' }>): Promise<void> {
  const { CHINESE_SIZES, presetTheme, ThemeError, themeFromText } = await import('@wenshu/theme');
  let issues: { path: string; message: string }[] = [];
  if (request.file) {
    try {
      themeFromText(JSON.stringify(request.file), 'theme.json');
    } catch (error) {
      if (!(error instanceof ThemeError)) throw error;
      issues = [...error.issues];
    }
  }
  const preset = presetTheme(request.base) as unknown as Record<string, unknown>;
  post({ type: 'theme', id: request.id, preset, sizeNames: { ...CHINESE_SIZES }, issues });
}

const HANDLERS: { [K in Request['type']]: (request: Extract<Request, { type: K }>) => Promise<void> } = {
  check,
  convert: convertAll,
  theme,
};

self.onmessage = (event: MessageEvent<Request>) => {
  const request = event.data;
  const run = (HANDLERS[request.type] as (request: Request) => Promise<void>)(request);
  run.catch((error: unknown) => {
    post({ type: 'failed', id: request.id, file: '', message: String(error), input: false });
    post({ type: 'done', id: request.id, elapsedMs: 0 });
  });
};

export type { InputFile };
