/**
 * Theme files on Node: `loadTheme` reads a theme file and the files it `extends` (relative to it),
 * and makes the font file paths in it absolute. The JSON is read by the core's `themeFromText`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { presetTheme, ThemeError, themeFromText } from './load.js';
import { isPresetName, presets } from './presets.js';
import type { Theme } from './types.js';

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
  const theme = themeFromText(text, file, (parent) => readThemeFile(resolve(dirname(file), parent), [...chain, file]));
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
