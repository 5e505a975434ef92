/** A document attached to a 公文: its label and title styles, its outline level and its new page. */
import { parsePlainText, structure } from '@wenshu/parser';
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { bodyBlocks, descendants, must, paragraphText, pStyle, render } from './docx.js';

const NOTICE = [
  '某某市人民政府关于加强某项工作的通知',
  '各区县人民政府：',
  '现将有关事项通知如下，请认真贯彻执行，确保各项工作落到实处。',
  '某某市人民政府',
  '2025年3月18日',
  '附件1',
  '某项工作实施方案',
  '为做好某项工作，制定本方案，各部门要按照分工抓好落实。',
].join('\n');

describe('attached documents', () => {
  it('carry their own styles and outline levels, the label breaking the page', async () => {
    const out = await render(structure(parsePlainText(NOTICE)).document, { theme: presetTheme('gov') });
    const blocks = bodyBlocks(out);
    const label = must(blocks.find((block) => paragraphText(block) === '附件1'));
    const title = must(blocks.find((block) => paragraphText(block) === '某项工作实施方案'));
    expect([pStyle(label), pStyle(title)]).toEqual(['AttachmentLabel', 'AttachmentTitle']);
    expect(descendants(label, 'w:pageBreakBefore')).toHaveLength(1);
    expect(descendants(title, 'w:pageBreakBefore')).toHaveLength(0);
    const levels = [label, title].map((block) => descendants(block, 'w:outlineLvl')[0]?.attributes['w:val']);
    expect(levels).toEqual(['0', '1']);
  });
});
