/**
 * Units of print. A theme stores lengths in millimetres and type sizes in points; each exporter
 * converts to its own unit: DOCX twips (1/20 pt) and EMU (1/914400 in), PDF points.
 *
 * 1 in = 25.4 mm = 72 pt = 1440 twip = 914400 EMU = 96 px (CSS pixels).
 */

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
export const TWIP_PER_PT = 20;
export const EMU_PER_INCH = 914_400;
export const PX_PER_INCH = 96;

export function mmToPt(mm: number): number {
  return (mm / MM_PER_INCH) * PT_PER_INCH;
}

export function ptToMm(pt: number): number {
  return (pt / PT_PER_INCH) * MM_PER_INCH;
}

/** Twips, rounded to whole twips (what OOXML attributes take). */
export function ptToTwip(pt: number): number {
  return Math.round(pt * TWIP_PER_PT);
}

export function twipToPt(twip: number): number {
  return twip / TWIP_PER_PT;
}

/** Twips, rounded: 37 mm → 2098, 28 mm → 1587. */
export function mmToTwip(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * PT_PER_INCH * TWIP_PER_PT);
}

export function twipToMm(twip: number): number {
  return ptToMm(twipToPt(twip));
}

/** EMU (English Metric Units, DrawingML), rounded: 1 mm = 36000 EMU. */
export function mmToEmu(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * EMU_PER_INCH);
}

/** EMU, rounded: 1 pt = 12700 EMU. */
export function ptToEmu(pt: number): number {
  return Math.round((pt / PT_PER_INCH) * EMU_PER_INCH);
}

/** 1 twip = 635 EMU. */
export function twipToEmu(twip: number): number {
  return twip * 635;
}

export function emuToPt(emu: number): number {
  return (emu / EMU_PER_INCH) * PT_PER_INCH;
}

/** CSS pixels (96 to the inch) → points. */
export function pxToPt(px: number): number {
  return (px / PX_PER_INCH) * PT_PER_INCH;
}

export function ptToPx(pt: number): number {
  return (pt / PT_PER_INCH) * PX_PER_INCH;
}

/**
 * The Chinese type size names (字号) in points, as Word and WPS list them. 初号 is the largest;
 * a 小 size sits between its number and the next.
 */
export const CHINESE_SIZES = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
  六号: 7.5,
  小六: 6.5,
  七号: 5.5,
  八号: 5,
} as const;

export type ChineseSizeName = keyof typeof CHINESE_SIZES;

export function isChineseSizeName(value: string): value is ChineseSizeName {
  return Object.hasOwn(CHINESE_SIZES, value);
}

/** A size in points, given as points or as a Chinese size name: `'三号'` → 16, `12` → 12. */
export function sizeToPt(size: number | ChineseSizeName): number {
  return typeof size === 'number' ? size : CHINESE_SIZES[size];
}

/** The Chinese name of a size in points, when it has one: 16 → `'三号'`. */
export function chineseSizeName(pt: number): ChineseSizeName | undefined {
  for (const [name, value] of Object.entries(CHINESE_SIZES)) if (value === pt) return name as ChineseSizeName;
  return undefined;
}
