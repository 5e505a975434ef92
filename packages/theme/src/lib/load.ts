/**
 * Themes from presets and from the JSON text of theme files. A file names the theme it `extends` (a
 * preset name or, read by the Node entry, another file; `report` when absent) and overrides parts
 * of it: objects merge key by key, anything else (numbers, strings, arrays, `null`) replaces. The
 * merged result is validated as a whole, and errors name the file and the path of the bad field.
 * No file is read here: `load-file.ts` (the Node entry) reads theme files and their parents.
 */
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
 * Keys whose value is one of several shapes of object, replaced whole rather than merged: a line
 * spacing is `{ multiple }` or `{ exactPt }`, and `{ "multiple": 1.5 }` over `gov`'s `{ "exactPt": … }`
 * must not become both.
 */
const REPLACED_WHOLE = new Set(['lineSpacing']);

/**
 * `override` laid over `base`: objects merge recursively (but those of `REPLACED_WHOLE`); arrays,
 * primitives and `null` replace. Neither argument is changed.
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override === undefined ? structuredClone(base) : override;
  const out: JsonObject = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    out[key] = key in out && !REPLACED_WHOLE.has(key) ? deepMerge(out[key], value) : value;
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

/**
 * A theme from a theme file's text; `source` names it in errors (and is the theme's name when the
 * file gives none). `parentTheme` gives the theme a file `extends` when it is not a preset (a file
 * on Node); without it, only presets can be extended.
 */
export function themeFromText(text: string, source: string, parentTheme?: (name: string) => Theme): Theme {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ThemeError(source, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
  if (!isObject(json)) throw new ThemeError(source, [{ path: '', message: 'expected a JSON object' }]);

  const parent = json.extends ?? 'report';
  if (typeof parent !== 'string' || parent === '' || (!parentTheme && !isPresetName(parent))) {
    throw new ThemeError(source, [
      { path: 'extends', message: `expected a preset name (report, gov)${parentTheme ? ' or a file path' : ''}` },
    ]);
  }
  const base = isPresetName(parent) ? presets[parent] : (parentTheme as (name: string) => Theme)(parent);

  const overrides: JsonObject = {};
  for (const [key, value] of Object.entries(json)) if (!FILE_KEYS.has(key)) overrides[key] = value;
  const merged = deepMerge(base, overrides) as JsonObject;
  if (!('name' in overrides)) merged.name = source;
  return parseTheme(merged, source);
}

/** A theme by preset name (`report`, `gov`). Always a fresh copy. Throws {@link ThemeError} for any other name. */
export function themeNamed(name: string): Theme {
  if (isPresetName(name)) return presetTheme(name);
  throw new ThemeError(name, [{ path: '', message: `not a preset (${Object.keys(presets).join(', ')})` }]);
}
