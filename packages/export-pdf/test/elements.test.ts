/** The frame around the body, as a reader sees it on the page: where each element stands. */
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
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
  '附件：1.工作方案',
  '',
  '2.任务清单',
  '',
  '国务院办公厅',
  '',
  '2024年3月5日',
  '',
  '（此件公开发布）',
].join('\n');

describe('frame elements in the PDF', () => {
  it('centres the subtitle, sets the addressee flush left, signature and date by GB/T 9704 7.3.5.2, attachments and note two characters in, a boundary under a rule', async () => {
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
      // GB/T 9704 7.3.5.2: the date right-spaced two characters (it is as long as the signature), its
      // first character two characters right of the signature's first, the signature moved in for it.
      const signature = line('国务院办公厅');
      const date = line('2024年3月5日');
      expect(Math.abs(right - date.xMax - 2 * em)).toBeLessThan(em * 0.6);
      expect(Math.abs(date.xMin - signature.xMin - 2 * em)).toBeLessThan(em * 0.6);
      expect(right - signature.xMax).toBeGreaterThanOrEqual(2 * em - 1);
      // 7.3.4: 附件 two characters in, a blank line over it, the second name under the first's number.
      const first = line('附件：1.工作方案');
      const second = line('2.任务清单');
      expect(Math.abs(first.xMin - (left - 2 * em) - 2 * em)).toBeLessThan(em * 0.3);
      expect(Math.abs(second.xMin - (first.xMin + 3 * em))).toBeLessThan(em * 0.3);
      // 7.3.6: 附注 two characters in, on the line under the date.
      const note = line('（此件公开发布）');
      expect(Math.abs(note.xMin - first.xMin)).toBeLessThan(em * 0.3);
      expect(note.yMin).toBeGreaterThan(date.yMin);
      const boundary = line('（下转第9版）');
      expect(Math.abs((boundary.xMin + boundary.xMax) / 2 - pageWidth / 2)).toBeLessThan(em * 3);
    }
  });
});
