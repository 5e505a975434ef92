/**
 * The font host on Node: files read from disk, the Noto Serif SC / Noto Sans SC files (and their
 * TC faces, for Traditional documents) of the npm packages (never their Expo `index.js`) found through the module system, installed faces listed
 * by fontconfig or found in the standard folders (`system.ts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BundledScript, BundledWeight, FontHost } from './host.js';
import { systemFaces, systemFacesWith } from './system.js';

const require = createRequire(import.meta.url);

const WEIGHT_DIRS: Record<BundledWeight, string> = { light: '300Light', regular: '400Regular', bold: '700Bold' };

/** The TrueType file of a bundled face. The command's bundle points this one call at its own `fonts/`. */
export function bundledFile(family: 'serif' | 'sans', weight: BundledWeight, script: BundledScript = 'sc'): string {
  const pkg = `noto-${family}-${script}`;
  const name = `Noto${family === 'serif' ? 'Serif' : 'Sans'}${script.toUpperCase()}`;
  const dir = WEIGHT_DIRS[weight];
  return require.resolve(`@expo-google-fonts/${pkg}/${dir}/${name}_${dir}.ttf`);
}

export const nodeFontHost: FontHost = {
  readFile: (file) => readFileSync(file),
  bundledFile,
  systemFaces,
  systemFacesWith,
};
