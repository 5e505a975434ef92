/** A long title carries explicit line breaks where `@wenshu/theme` breaks it (and the PDF sets it). */
import { loadTheme, titleLines } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { descendants, md, render, textOf } from './docx.js';

const title = '市直部门（单位）2023年度重点工作开展情况';

describe('the title', () => {
  it('is broken into the lines of titleLines, with w:br between them', async () => {
    const theme = loadTheme('gov');
    const out = await render(md(`# ${title}\n\n正文。\n`), { theme });
    const [first] = descendants(out.xml('word/document.xml'), 'w:p');
    if (!first) throw new Error('no paragraph');
    const lines: string[] = [''];
    for (const run of descendants(first, 'w:r')) {
      if (descendants(run, 'w:br').length > 0) lines.push('');
      lines[lines.length - 1] += descendants(run, 'w:t').map(textOf).join('');
    }
    expect(lines).toEqual(titleLines(theme, title));
    expect(lines).toEqual(['市直部门（单位）2023年度', '重点工作开展情况']);
  });
});
