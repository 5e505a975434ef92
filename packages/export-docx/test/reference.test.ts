import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReferenceDocxError } from '../src/index.js';
import { describeCorpus, readCorpusBytes } from './corpus.js';
import {
  bodyBlocks,
  descendants,
  element,
  elements,
  md,
  must,
  pStyle,
  render,
  rStyle,
  runs,
  style,
  styleProp,
} from './docx.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A reference document as Chinese Word writes one: localised style ids, its own page setup. */
function referenceDocx(): Uint8Array {
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="微软雅黑"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="华文仿宋"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:rPr><w:rFonts w:eastAsia="方正小标宋_GBK"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="10"><w:name w:val="toc 1"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="character" w:styleId="a5"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/></w:style>
</w:styles>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body><w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2000" w:right="1500" w:bottom="1800" w:left="1600" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    'word/styles.xml': strToU8(styles),
    'word/document.xml': strToU8(document),
  });
}

const input = md(
  [
    '# 报告',
    '',
    '## 一、总体情况',
    '',
    '1.小标题。正文[^1]。',
    '',
    '### （一）细项',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
    '[^1]: 注释。',
  ].join('\n'),
);

describe('referenceDocx', () => {
  it('keeps the reference styles and uses them by name, whatever their ids', async () => {
    const out = await render(input, { referenceDocx: referenceDocx(), toc: true });
    const styles = out.xml('word/styles.xml');
    expect(styleProp(styles, '1', 'w:rPr', 'w:rFonts')?.attributes['w:eastAsia']).toBe('方正黑体');
    expect(styleProp(styles, 'a3', 'w:rPr', 'w:rFonts')?.attributes['w:eastAsia']).toBe('方正小标宋_GBK');

    const blocks = bodyBlocks(out).filter((b) => b.name === 'w:p');
    expect(blocks.map((p) => pStyle(p))).toEqual(['a3', 'TOCHeading', undefined, '1', 'a', '2', 'a']);
    const item = must(blocks[4]);
    expect(runs(item).map((r) => rStyle(r))[0]).toBe('RunInTitle');
  });

  it('adds only the styles the reference lacks, once, without a second default', async () => {
    const out = await render(input, { referenceDocx: referenceDocx() });
    const styles = out.xml('word/styles.xml');
    const all = elements(styles, 'w:style');
    const names = all.map((s) => element(s, 'w:name')?.attributes['w:val']?.toLowerCase());
    expect(names.filter((n) => n === 'heading 1')).toHaveLength(1);
    expect(names.filter((n) => n === 'normal')).toHaveLength(1);
    expect(names).toEqual(expect.arrayContaining(['run-in title', 'heading 3', 'table grid', 'footnote text']));
    expect(all.filter((s) => s.attributes['w:type'] === 'paragraph' && s.attributes['w:default'] === '1')).toHaveLength(
      1,
    );
    const ids = all.map((s) => s.attributes['w:styleId']);
    expect(new Set(ids).size).toBe(ids.length);
    // Added styles are based on the reference's Normal.
    expect(element(style(styles, 'Heading3'), 'w:basedOn')?.attributes['w:val']).toBe('a');
    // Its document defaults stay, with the document language.
    const rPr = must(descendants(must(element(styles, 'w:docDefaults')), 'w:rPr')[0]);
    expect(element(rPr, 'w:rFonts')?.attributes['w:eastAsia']).toBe('微软雅黑');
    expect(element(rPr, 'w:lang')?.attributes['w:eastAsia']).toBe('zh-CN');
  });

  it('points the styles docx writes itself (TOC entries, footnote references) at the reference ids', async () => {
    const out = await render(input, { referenceDocx: referenceDocx(), toc: true });
    const document = out.xml('word/document.xml');
    const tocStyles = descendants(must(element(document, 'w:body')), 'w:pStyle').map((s) => s.attributes['w:val']);
    expect(tocStyles).toContain('10');
    expect(tocStyles).not.toContain('TOC1');
    expect(tocStyles).toContain('TOC2');
    const ref = must(descendants(document, 'w:footnoteReference')[0]);
    const run = must(descendants(document, 'w:r').find((r) => descendants(r, 'w:footnoteReference').includes(ref)));
    expect(rStyle(run)).toBe('a5');
  });

  it('takes the reference page setup', async () => {
    const out = await render(input, { referenceDocx: referenceDocx() });
    const sectPr = must(descendants(out.xml('word/document.xml'), 'w:sectPr')[0]);
    expect(element(sectPr, 'w:pgMar')?.attributes).toMatchObject({
      'w:top': '2000',
      'w:left': '1600',
      'w:right': '1500',
    });
    expect(element(sectPr, 'w:docGrid')?.attributes).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '312' });
  });

  it('rejects what is not a Word document', async () => {
    await expect(render(input, { referenceDocx: strToU8('not a zip') })).rejects.toThrow(ReferenceDocxError);
  });
});

describeCorpus('referenceDocx from a real WPS document', () => {
  it('uses its Normal (id "1") for body text and its margins', async () => {
    const out = await render(input, { referenceDocx: readCorpusBytes('reports', '2025-sichuan-gwr.docx') });
    const body = bodyBlocks(out).filter((b) => b.name === 'w:p');
    expect(body.map((p) => pStyle(p))).toContain('1');
    const sectPr = must(descendants(out.xml('word/document.xml'), 'w:sectPr')[0]);
    expect(element(sectPr, 'w:pgMar')?.attributes).toMatchObject({ 'w:top': '1440', 'w:left': '1800' });
    const styles = out.xml('word/styles.xml');
    const defaults = elements(styles, 'w:style').filter(
      (s) => s.attributes['w:type'] === 'paragraph' && s.attributes['w:default'] === '1',
    );
    expect(defaults.map((s) => s.attributes['w:styleId'])).toEqual(['1']);
  });
});
