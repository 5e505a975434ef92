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
    expect(only('## 一、总体要求\n\n正文。', { title: true }).document.meta.title).toBeUndefined();
    expect(only('# 摘要\n\n# 1 引言', { title: true }).document.meta.title).toBeUndefined();
  });

  it('takes the title from the first heading that reads as one', () => {
    // A newspaper database's export: its only heading, `###`, is the headline.
    expect(only('### 发刊词\n\n正文。', { title: true }).document.meta.title).toBe('发刊词');
    // Metadata lines above it.
    expect(only('日期: 2025-09-11\n主题: 题\n\n# 标题\n\n## 摘要', { title: true }).document.meta.title).toBe('标题');
    // OCR writes every heading `#`: the unnumbered first one above numbered sections.
    expect(only('# 论文题目\n\n# 1 引言\n\n# 2 方法', { title: true }).document.meta.title).toBe('论文题目');
    // A code's name over its book, both `#`: the name says it is a code.
    expect(only('# 中华人民共和国民法典\n\n# 合同编', { title: true }).document.meta.title).toBe(
      '中华人民共和国民法典',
    );
    // A journal's column label above the title.
    expect(only('# 转型与发展\n\n# 中国经济转型的路径分析\n\n# 1 引言', { title: true }).document.meta.title).toBe(
      '中国经济转型的路径分析',
    );
  });

  it('takes a title under one note of prose only with evidence that it is the title', () => {
    // A column's sponsor note above a paper whose sections are numbered.
    expect(
      only('本栏目由某公司协办。\n\n# 用户行为调查研究\n\n# 1 引言\n\n# 2 方法', { title: true }).document.meta.title,
    ).toBe('用户行为调查研究');
    expect(only('好的，以下是报告。\n\n# 关于教育改革的调研报告\n\n## 背景', { title: true }).document.meta.title).toBe(
      '关于教育改革的调研报告',
    );
    // Prose, then a heading of the body.
    expect(only('一段开头的话。\n\n# 项目概述\n\n## 背景', { title: true }).document.meta.title).toBeUndefined();
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
