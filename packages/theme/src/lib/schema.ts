/**
 * The zod schema of a complete theme. Sizes may be written as Chinese size names (`"三号"`) and
 * come out in points; every object is strict, so a misspelt key is an error, not a silent no-op.
 */
import { z } from 'zod';
import type { Theme } from './types.js';
import { CHINESE_SIZES, type ChineseSizeName, sizeToPt } from './units.js';

const sizeNames = Object.keys(CHINESE_SIZES) as [ChineseSizeName, ...ChineseSizeName[]];

const size = z
  .union([z.number().positive().max(1638), z.enum(sizeNames)], {
    error: `expected a size in points (a positive number) or a Chinese size name (${sizeNames.join(', ')})`,
  })
  .transform((value) => sizeToPt(value));

const length = z.number({ error: 'expected a length in millimetres (a number)' }).nonnegative();
const positiveLength = z.number({ error: 'expected a length in millimetres (a number)' }).positive();
const points = z.number({ error: 'expected a length in points (a number)' }).nonnegative();

const fontRole = z.enum(['song', 'hei', 'kai', 'fang', 'title'], {
  error: 'expected a font role: song, hei, kai, fang or title',
});

const align = z.enum(['left', 'center', 'right', 'justify'], {
  error: 'expected an alignment: left, center, right or justify',
});

const lineSpacing = z.union(
  [z.strictObject({ multiple: z.number().positive().max(10) }), z.strictObject({ exactPt: z.number().positive() })],
  { error: 'expected { "multiple": 1.5 } or { "exactPt": 28.95 }' },
);

const fontName = z.string().min(1, 'expected a font name');

const fontFace = z.strictObject({
  eastAsia: fontName,
  alternatives: z.array(fontName),
  latin: fontName,
  files: z.strictObject({ regular: z.string().min(1).optional(), bold: z.string().min(1).optional() }),
});

const textStyle = z.strictObject({
  font: fontRole,
  sizePt: size,
  bold: z.boolean(),
  align,
  indentChars: z.number().min(0).max(20),
  spaceBeforePt: points,
  spaceAfterPt: points,
  lineSpacing: lineSpacing.optional(),
});

export const themeSchema = z.strictObject({
  name: z.string().min(1),
  lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as zh-CN'),
  page: z.strictObject({
    widthMm: positiveLength,
    heightMm: positiveLength,
    margin: z.strictObject({ topMm: length, bottomMm: length, leftMm: length, rightMm: length }),
    headerMm: length,
    grid: z.strictObject({ linePitchPt: z.number().positive(), charsPerLine: z.number().int().positive() }).nullable(),
  }),
  fonts: z.strictObject({ song: fontFace, hei: fontFace, kai: fontFace, fang: fontFace, title: fontFace }),
  body: textStyle.extend({ lineSpacing }),
  title: textStyle,
  headings: z.strictObject({ '1': textStyle, '2': textStyle, '3': textStyle, '4': textStyle }),
  runIn: z.strictObject({ font: fontRole, bold: z.boolean() }),
  quote: textStyle,
  code: z.strictObject({ latin: fontName, font: fontRole, sizePt: size }),
  table: z.strictObject({
    font: fontRole,
    sizePt: size,
    minSizePt: size,
    headerBold: z.boolean(),
    borderPt: points,
    lineSpacing,
  }),
  caption: textStyle,
  attachment: z.strictObject({ newPage: z.boolean(), label: textStyle, title: textStyle }),
  footnote: z.strictObject({ font: fontRole, sizePt: size }),
  pageNumber: z.strictObject({
    format: z.enum(['plain', 'dashes']),
    position: z.enum(['center', 'outside']),
    font: fontRole,
    sizePt: size,
    belowBodyMm: length,
    outsideIndentChars: z.number().min(0).max(10),
  }),
  punctuation: z.enum(['full-width', 'as-written']),
});

/** Each type is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compile-time proof that the schema's output is a {@link Theme} and nothing else. */
export const schemaMatchesTheme: Same<z.output<typeof themeSchema>, Theme> = true;
