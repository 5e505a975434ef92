/**
 * The two built-in themes. `report` is a plain A4 report; `gov` follows GB/T 9704-2012
 * 《党政机关公文格式》: A4, body area 156 × 225 mm, 仿宋 三号 on a grid of 22 lines × 28 characters,
 * page numbers `— 1 —` in 宋体 四号 7 mm below the body area, odd pages right, even pages left.
 */
import type { FontFace, FontRole, TextStyle, Theme } from './types.js';

const fonts: Record<FontRole, FontFace> = {
  song: { eastAsia: '宋体', alternatives: ['SimSun'], latin: 'Times New Roman', files: {} },
  hei: { eastAsia: '黑体', alternatives: ['SimHei'], latin: 'Arial', files: {} },
  kai: { eastAsia: '楷体_GB2312', alternatives: ['楷体', 'KaiTi'], latin: 'Times New Roman', files: {} },
  fang: { eastAsia: '仿宋_GB2312', alternatives: ['仿宋', 'FangSong'], latin: 'Times New Roman', files: {} },
  title: { eastAsia: '方正小标宋简体', alternatives: ['宋体', 'SimSun'], latin: 'Times New Roman', files: {} },
};

/** Presets are shared: freeze them, and hand out copies ({@link loadTheme} does). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function copyFonts(): Record<FontRole, FontFace> {
  return structuredClone(fonts);
}

export const report: Theme = deepFreeze({
  name: 'report',
  lang: 'zh-CN',
  page: {
    widthMm: 210,
    heightMm: 297,
    margin: { topMm: 25.4, bottomMm: 25.4, leftMm: 31.8, rightMm: 31.8 },
    headerMm: 15,
    grid: null,
  },
  fonts: copyFonts(),
  body: {
    font: 'song',
    sizePt: 12,
    bold: false,
    align: 'justify',
    indentChars: 2,
    spaceBeforePt: 0,
    spaceAfterPt: 0,
    lineSpacing: { multiple: 1.5 },
  },
  title: { font: 'hei', sizePt: 22, bold: false, align: 'center', indentChars: 0, spaceBeforePt: 0, spaceAfterPt: 18 },
  headings: {
    '1': { font: 'hei', sizePt: 16, bold: false, align: 'left', indentChars: 0, spaceBeforePt: 12, spaceAfterPt: 6 },
    '2': { font: 'hei', sizePt: 14, bold: false, align: 'left', indentChars: 0, spaceBeforePt: 6, spaceAfterPt: 6 },
    '3': { font: 'hei', sizePt: 12, bold: false, align: 'left', indentChars: 0, spaceBeforePt: 6, spaceAfterPt: 0 },
    '4': { font: 'song', sizePt: 12, bold: true, align: 'left', indentChars: 0, spaceBeforePt: 0, spaceAfterPt: 0 },
  },
  runIn: { font: 'hei', bold: false },
  quote: { font: 'kai', sizePt: 12, bold: false, align: 'justify', indentChars: 2, spaceBeforePt: 0, spaceAfterPt: 0 },
  code: { latin: 'Courier New', font: 'song', sizePt: 10.5 },
  table: {
    font: 'song',
    sizePt: 10.5,
    minSizePt: 9,
    headerBold: true,
    borderPt: 0.5,
    lineSpacing: { multiple: 1 },
  },
  caption: {
    font: 'hei',
    sizePt: 10.5,
    bold: false,
    align: 'center',
    indentChars: 0,
    spaceBeforePt: 6,
    spaceAfterPt: 3,
    lineSpacing: { multiple: 1 },
  },
  // An attached document on a page of its own, under its label; its title as the report's title.
  attachment: {
    newPage: true,
    label: { font: 'hei', sizePt: 14, bold: false, align: 'left', indentChars: 0, spaceBeforePt: 0, spaceAfterPt: 12 },
    title: {
      font: 'hei',
      sizePt: 18,
      bold: false,
      align: 'center',
      indentChars: 0,
      spaceBeforePt: 0,
      spaceAfterPt: 18,
    },
  },
  footnote: { font: 'song', sizePt: 9 },
  pageNumber: {
    format: 'plain',
    position: 'center',
    font: 'song',
    sizePt: 10.5,
    belowBodyMm: 9,
    outsideIndentChars: 0,
  },
  punctuation: 'as-written',
});

/** One line of the GB/T 9704 grid: 28.95 pt (579 twips), 22 lines in the 225 mm body. */
const GOV_LINE_PT = 28.95;

/** The 公文 title (GB/T 9704 7.3.1: 2号小标宋, centred, a line under it); an attached document's title too. */
const GOV_TITLE: TextStyle = {
  font: 'title',
  sizePt: 22,
  bold: false,
  align: 'center',
  indentChars: 0,
  spaceBeforePt: 0,
  spaceAfterPt: GOV_LINE_PT,
};

export const gov: Theme = deepFreeze({
  name: 'gov',
  lang: 'zh-CN',
  page: {
    widthMm: 210,
    heightMm: 297,
    margin: { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 },
    headerMm: 15,
    grid: { linePitchPt: GOV_LINE_PT, charsPerLine: 28 },
  },
  fonts: copyFonts(),
  body: {
    font: 'fang',
    sizePt: 16,
    bold: false,
    align: 'justify',
    indentChars: 2,
    spaceBeforePt: 0,
    spaceAfterPt: 0,
    lineSpacing: { exactPt: GOV_LINE_PT },
  },
  title: { ...GOV_TITLE },
  headings: {
    '1': { font: 'hei', sizePt: 16, bold: false, align: 'justify', indentChars: 2, spaceBeforePt: 0, spaceAfterPt: 0 },
    '2': { font: 'kai', sizePt: 16, bold: false, align: 'justify', indentChars: 2, spaceBeforePt: 0, spaceAfterPt: 0 },
    '3': { font: 'fang', sizePt: 16, bold: true, align: 'justify', indentChars: 2, spaceBeforePt: 0, spaceAfterPt: 0 },
    '4': { font: 'fang', sizePt: 16, bold: false, align: 'justify', indentChars: 2, spaceBeforePt: 0, spaceAfterPt: 0 },
  },
  runIn: { font: 'fang', bold: true },
  quote: { font: 'kai', sizePt: 16, bold: false, align: 'justify', indentChars: 2, spaceBeforePt: 0, spaceAfterPt: 0 },
  code: { latin: 'Courier New', font: 'song', sizePt: 12 },
  table: {
    font: 'fang',
    sizePt: 14,
    minSizePt: 10.5,
    headerBold: true,
    borderPt: 0.5,
    lineSpacing: { multiple: 1 },
  },
  caption: {
    font: 'hei',
    sizePt: 14,
    bold: false,
    align: 'center',
    indentChars: 0,
    spaceBeforePt: 0,
    spaceAfterPt: 0,
  },
  // GB/T 9704 7.3.8: 附件 on a page of its own, `附件1` in 3号黑体 flush left on the first line, the title
  // centred on the third (one line between), in the title's face.
  attachment: {
    newPage: true,
    label: {
      font: 'hei',
      sizePt: 16,
      bold: false,
      align: 'left',
      indentChars: 0,
      spaceBeforePt: 0,
      spaceAfterPt: GOV_LINE_PT,
    },
    title: { ...GOV_TITLE },
  },
  footnote: { font: 'fang', sizePt: 12 },
  pageNumber: {
    format: 'dashes',
    position: 'outside',
    font: 'song',
    sizePt: 14,
    belowBodyMm: 7,
    outsideIndentChars: 1,
  },
  punctuation: 'full-width',
});

export const presets = { report, gov } as const;

export type PresetName = keyof typeof presets;

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(presets, name);
}
