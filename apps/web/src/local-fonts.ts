/**
 * Installed fonts through the Local Font Access API (`window.queryLocalFonts`, Chromium browsers):
 * the user's own 仿宋, 楷体, 黑体 and 宋体 (Windows has exactly the faces `gov` wants), read with
 * `blob()` and kept as the role's font file, as a picked file would be. Where the API is missing the
 * page says so and the file picker remains.
 */
import type { FontRole } from './worker/protocol.js';

/** What `queryLocalFonts` gives for one face (the API's `FontData`; not yet in TypeScript's DOM types). */
export interface LocalFont {
  family: string;
  fullName: string;
  postscriptName: string;
  style: string;
  blob(): Promise<Blob>;
}

type FontWindow = Window & { queryLocalFonts?: () => Promise<LocalFont[]> };

export const canQueryLocalFonts = (): boolean => typeof (window as FontWindow).queryLocalFonts === 'function';

/** Every installed face (the browser asks the user first); a refusal throws a `NotAllowedError`/`SecurityError`. */
export function queryLocalFonts(): Promise<LocalFont[]> {
  return (window as FontWindow).queryLocalFonts?.() ?? Promise.resolve([]);
}

/**
 * The faces each role prefers, best first, by family or PostScript name: the Windows and macOS
 * faces GB/T 9704 documents are set in, then the free CJK faces a Linux machine has.
 */
const PREFERRED: Record<FontRole, string[]> = {
  song: ['SimSun', '宋体', 'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC'],
  hei: ['SimHei', '黑体', 'Heiti SC', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC'],
  kai: ['KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312', 'STKaiti', 'Kaiti SC', 'LXGW WenKai', 'AR PL UKai CN'],
  fang: ['FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'FandolFang'],
  title: ['FZXiaoBiaoSong-B05S', '方正小标宋简体', '方正小标宋_GBK', 'SimSun', '宋体', 'Noto Serif CJK SC'],
};

const regularFirst = (font: LocalFont) => (/^(regular|normal|book|roman)$/i.test(font.style) ? 0 : 1);

/** The installed face that suits a role best, if any: a regular face of the first preferred family found. */
export function suggestFont(role: FontRole, fonts: readonly LocalFont[]): LocalFont | undefined {
  for (const name of PREFERRED[role]) {
    const matches = fonts.filter(
      (font) => font.family === name || font.postscriptName === name || font.fullName === name,
    );
    if (matches.length) return [...matches].sort((a, b) => regularFirst(a) - regularFirst(b))[0];
  }
  return undefined;
}

export { isCollection } from './worker/protocol.js';
