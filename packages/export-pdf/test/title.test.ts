/** A long title is set in the lines `@wenshu/theme` breaks it into, the ones the DOCX carries. */
import { mmToPt, presetTheme, titleLines } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { doc } from './helpers.js';
import { pdfLines, writePdf } from './pdf.js';

const title =
  '最高人民法院关于修改《最高人民法院关于破产企业国有划拨土地使用权应否列入破产财产等问题的批复》等二十九件商事类司法解释的决定';

describe('the title', () => {
  for (const name of ['gov', 'report'] as const) {
    it(`breaks at whole words, centred, in the ${name} theme`, async () => {
      const theme = presetTheme(name);
      const file = writePdf(await toPdf(doc(`# ${title}\n\n正文。\n`), { theme, onWarning: () => {} }), name);
      const { lines, pageWidth } = pdfLines(file);
      const expected = titleLines(theme, title);
      expect(expected.length).toBeGreaterThan(1);
      const set = lines.slice(0, expected.length);
      expect(set.map((line) => line.text)).toEqual(expected);
      const { leftMm, rightMm } = theme.page.margin;
      const centre = (mmToPt(leftMm) + pageWidth - mmToPt(rightMm)) / 2;
      for (const line of set) expect((line.xMin + line.xMax) / 2).toBeCloseTo(centre, 0);
    });
  }
});
