/**
 * The workbook's document properties carry what the DOCX and PDF carry: the title, the language,
 * wenshu as creator, and the dates of `sourceDateEpoch` (now when it is absent).
 */
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../src/index.js';
import { parts, render, report } from './xlsx.js';

const tag = (xml: string, name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(xml)?.[1];

describe('docProps/core.xml', () => {
  it('has the title, the language, the creator and the source date', async () => {
    const core = parts(await render('# 政府工作报告\n\n一、总体情况\n\n正文。\n', { sourceDateEpoch: 1_700_000_000 }))[
      'docProps/core.xml'
    ];
    expect(core).toBeDefined();
    const xml = core ?? '';
    expect(tag(xml, 'dc:title')).toBe('政府工作报告');
    expect(tag(xml, 'dc:language')).toBe('zh-CN');
    expect(tag(xml, 'dc:creator')).toBe('wenshu');
    expect(tag(xml, 'dcterms:created')).toBe('2023-11-14T22:13:20Z');
    expect(tag(xml, 'dcterms:modified')).toBe('2023-11-14T22:13:20Z');
  });

  it('has the edition’s language, and no title element for a document without one', async () => {
    const xml = parts(await render('正文。\n'))['docProps/core.xml'] ?? '';
    expect(xml).not.toContain('<dc:title');
    expect(tag(xml, 'dc:language')).toBe('zh-CN');
    const taiwan = parts(await render('一、總體情況\n\n臺灣的資訊軟體產業。\n'))['docProps/core.xml'] ?? '';
    expect(tag(taiwan, 'dc:language')).toBe('zh-TW');
  });

  it('is dated now, to the second, without a source date', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const xml = parts(await toXlsx(report('正文。\n')))['docProps/core.xml'] ?? '';
    const created = Date.parse(tag(xml, 'dcterms:created') ?? '');
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(Date.now());
    expect(tag(xml, 'dcterms:modified')).toBe(tag(xml, 'dcterms:created'));
  });
});
