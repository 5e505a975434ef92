/**
 * Themes from presets and from JSON files. A file names the theme it `extends` (a preset name or
 * another file, relative to it; `report` when absent) and overrides parts of it: objects merge
 * key by key, anything else (numbers, strings, arrays, `null`) replaces. The merged result is
 * validated as a whole, and errors name the file and the path of the bad field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { isPresetName, type PresetName, presets } from './presets.js';
import { themeSchema } from './schema.js';
import type { Theme } from './types.js';

/** One problem in a theme: where (a dotted path, `headings.1.sizePt`) and what. */
export interface ThemeIssue {
  path: string;
  message: string;
}

/** A theme that cannot be used: unreadable, not JSON, or invalid. `source` is the file or `<inline>`. */
export class ThemeError extends Error {
  readonly source: string;
  readonly issues: readonly ThemeIssue[];

  constructor(source: string, issues: readonly ThemeIssue[]) {
    const lines = issues.map((issue) => `${issue.path || '(top level)'}: ${issue.message}`);
    super(`invalid theme ${source}:\n  ${lines.join('\n  ')}`);
    this.name = 'ThemeError';
    this.source = source;
    this.issues = issues;
  }
}

/** A JSON object. */
type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `override` laid over `base`: objects merge recursively; arrays, primitives and `null` replace.
 * Neither argument is changed.
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override === undefined ? structuredClone(base) : override;
  const out: JsonObject = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    out[key] = key in out ? deepMerge(out[key], value) : value;
  }
  return out;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

function issuesOf(error: z.ZodError): ThemeIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => `"${key}"`).join(', ');
      return { path: formatPath(issue.path), message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}` };
    }
    return { path: formatPath(issue.path), message: issue.message };
  });
}

/** Validates a complete theme object (sizes may be Chinese size names). Throws {@link ThemeError}. */
export function parseTheme(value: unknown, source = '<inline>'): Theme {
  const result = themeSchema.safeParse(value);
  if (!result.success) throw new ThemeError(source, issuesOf(result.error));
  return result.data;
}

/** A deep copy of a preset. */
export function presetTheme(name: PresetName): Theme {
  return structuredClone(presets[name]);
}

/**
 * `overrides` laid over a theme (a preset name or a theme), validated. For themes built in code:
 * `extendTheme('gov', { body: { sizePt: '小三' } })`.
 */
export function extendTheme(base: PresetName | Theme, overrides: unknown, source = '<inline>'): Theme {
  const baseTheme = typeof base === 'string' ? presets[base] : base;
  if (!isObject(overrides)) throw new ThemeError(source, [{ path: '', message: 'expected a JSON object' }]);
  const { extends: _ignored, $schema: _schema, ...rest } = overrides;
  return parseTheme(deepMerge(baseTheme, { name: baseTheme.name, ...rest }), source);
}

/** Theme file keys that are not theme fields. */
const FILE_KEYS = new Set(['extends', '$schema']);

function readThemeFile(file: string, chain: readonly string[]): Theme {
  if (chain.includes(file)) {
    throw new ThemeError(file, [{ path: 'extends', message: `circular: ${[...chain, file].join(' → ')}` }]);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ThemeError(file, [{ path: '', message: `cannot read the file (${(error as Error).message})` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ThemeError(file, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
  if (!isObject(json)) throw new ThemeError(file, [{ path: '', message: 'expected a JSON object' }]);

  const parent = json.extends ?? 'report';
  if (typeof parent !== 'string' || parent === '') {
    throw new ThemeError(file, [{ path: 'extends', message: 'expected a preset name (report, gov) or a file path' }]);
  }
  const base = isPresetName(parent) ? presets[parent] : readThemeFile(resolve(dirname(file), parent), [...chain, file]);

  const overrides: JsonObject = {};
  for (const [key, value] of Object.entries(json)) if (!FILE_KEYS.has(key)) overrides[key] = value;
  const merged = deepMerge(base, overrides) as JsonObject;
  if (!('name' in overrides)) merged.name = file;
  const theme = parseTheme(merged, file);
  resolveFontFiles(theme, dirname(file));
  return theme;
}

/** Font file paths in a theme file are relative to it; make them absolute. */
function resolveFontFiles(theme: Theme, dir: string): void {
  for (const face of Object.values(theme.fonts)) {
    if (face.files.regular && !isAbsolute(face.files.regular)) face.files.regular = resolve(dir, face.files.regular);
    if (face.files.bold && !isAbsolute(face.files.bold)) face.files.bold = resolve(dir, face.files.bold);
  }
}

/**
 * A theme by preset name (`report`, `gov`) or from a JSON theme file. Always a fresh copy.
 * Throws {@link ThemeError} naming the file and the bad fields.
 */
export function loadTheme(nameOrPath: string): Theme {
  if (isPresetName(nameOrPath)) return presetTheme(nameOrPath);
  const file = resolve(nameOrPath);
  if (!existsSync(file)) {
    throw new ThemeError(nameOrPath, [
      { path: '', message: `not a preset (${Object.keys(presets).join(', ')}) and no such file` },
    ]);
  }
  return readThemeFile(file, []);
}
