/** The frame around the body, as a reader sees it on the page: where each element stands. */
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/index.js';
import { doc } from './helpers.js';
import { compact, pdfLines, writePdf } from './pdf.js';

const markdown = [
  '# 关于加强管理的通知',
  '',
  '——2024年3月5日在某某会议上',
  '',
  '各省、自治区、直辖市人民政府：',
  '',
  '为加强管理，现就有关事项通知如下。各地区要认真贯彻落实，结合实际抓好组织实施工作，确保各项措施落到实处。',
  '',
  '（下转第9版）',
  '',
  '第二篇文章的正文从这里开始，内容与前文不同，是另一篇报道的续文，读者应当看到其间的界线。',
  '',
  '国务院办公厅',
  '',
  '2024年3月5日',
].join('\n');

describe('frame elements in the PDF', () => {
  it('centres the subtitle, sets the addressee flush left, signature and date two characters from the right, a boundary under a rule', async () => {
    for (const name of ['report', 'gov'] as const) {
      const theme = presetTheme(name);
      const file = writePdf(await toPdf(doc(markdown), { theme }), `elements-${name}`);
      const { lines, pageWidth } = pdfLines(file);
      const line = (text: string) => {
        const found = lines.find((entry) => compact(entry.text).startsWith(text));
        if (!found) throw new Error(`no line ${text} in the ${name} PDF`);
        return found;
      };
      const body = line('为加强管理');
      const left = body.xMin;
      const right = Math.max(...lines.filter((entry) => entry.page === body.page).map((entry) => entry.xMax));
      const em = theme.body.sizePt;
      const subtitle = line('——2024年');
      expect(Math.abs((subtitle.xMin + subtitle.xMax) / 2 - pageWidth / 2)).toBeLessThan(em * 2);
      // The body's first line is indented two characters; the addressee is not.
      expect(line('各省、自治区').xMin).toBeLessThan(left - em);
      for (const closing of [line('国务院办公厅'), line('2024年3月5日')]) {
        expect(right - closing.xMax).toBeGreaterThan(em * 1.5);
        expect(right - closing.xMax).toBeLessThan(em * 2.5);
      }
      const boundary = line('（下转第9版）');
      expect(Math.abs((boundary.xMin + boundary.xMax) / 2 - pageWidth / 2)).toBeLessThan(em * 3);
    }
  });
});
