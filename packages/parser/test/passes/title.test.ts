import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { titlePass } from '../../src/passes/title.js';
import { only } from './helpers.js';

describe('title', () => {
  it('takes a single leading level-1 heading, and keeps it in the tree', () => {
    const { document, fixes } = only('# 市直部门(单位)2023年度重点工作开展情况\n\n正文。', { title: true });
    expect(document.meta.title).toBe('市直部门(单位)2023年度重点工作开展情况');
    expect(document.children[0]?.type).toBe('heading');
    expect(fixes).toEqual([{ kind: 'title', line: 1, before: '', after: '市直部门(单位)2023年度重点工作开展情况' }]);
  });

  it('prefers front matter', () => {
    const { document, fixes } = only('---\ntitle: 前置标题\n---\n\n# 正文标题', { title: true });
    expect(document.meta.title).toBe('前置标题');
    expect(fixes).toEqual([]);
  });

  it('takes no title from several level-1 headings, or one that does not lead', () => {
    expect(only('# 一\n\n# 二', { title: true }).document.meta.title).toBeUndefined();
    expect(only('正文。\n\n# 标题', { title: true }).document.meta.title).toBeUndefined();
    expect(only('## 二级标题', { title: true }).document.meta.title).toBeUndefined();
  });

  it('does not modify its input', () => {
    const document = parse('# 标题');
    const copy = structuredClone(document);
    titlePass(document);
    expect(document).toEqual(copy);
  });

  it('is off when switched off', () => {
    expect(only('# 标题', {}).document.meta.title).toBeUndefined();
  });
});
