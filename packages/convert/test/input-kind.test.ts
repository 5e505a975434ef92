/**
 * How `decodeSource` picks a report's kind: by its extension, and for a name without one (standard
 * input is `-`) by how its text begins.
 */
import { describe, expect, it } from 'vitest';
import { convert, decodeSource, InputError, inputKind, loadReport } from '../src/index.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('inputKind', () => {
  it('by extension, case-insensitive', () => {
    expect(inputKind('a.md')).toBe('markdown');
    expect(inputKind('a.markdown')).toBe('markdown');
    expect(inputKind('a.TXT')).toBe('plain');
    expect(inputKind('a.html')).toBe('html');
    expect(inputKind('dir/A.HTM')).toBe('html');
  });

  it('without an extension: HTML when the text begins as HTML does', () => {
    expect(inputKind('-', '<!DOCTYPE html><html>')).toBe('html');
    expect(inputKind('-', "<meta charset='utf-8'><p>x</p>")).toBe('html');
    expect(inputKind('-', 'Version:0.9\nStartHTML:0000000105\n')).toBe('html');
    expect(inputKind('-', '# 标题\n\n<b>粗</b>')).toBe('markdown');
    // An explicit extension wins over the text.
    expect(inputKind('a.md', '<!DOCTYPE html>')).toBe('markdown');
  });
});

describe('decodeSource and loadReport', () => {
  it('an .html file is parsed as HTML', () => {
    const source = decodeSource(
      'page.html',
      bytes('<html><body><nav>首页</nav><h1>报告</h1><p>正文。</p></body></html>'),
    );
    expect(source.kind).toBe('html');
    const report = loadReport(source);
    expect(report.document.children.map((block) => block.type)).toEqual(['heading', 'paragraph']);
    expect(report.warnings.map((warning) => warning.code)).toEqual(['html-dropped']);
  });

  it('GB2312 declared in <meta> is honoured for an .htm file whose bytes are not UTF-8', () => {
    // 报告 in GBK; detection alone cannot tell two characters of GBK from Big5.
    const gbk = new Uint8Array([...bytes('<meta charset="gb2312"><p>'), 0xb1, 0xa8, 0xb8, 0xe6, ...bytes('</p>')]);
    const source = decodeSource('a.htm', gbk);
    expect(source.text).toContain('报告');
    expect(source.encoding).toBe('gb18030');
  });

  it('a file named .html without markup is an InputError naming it', () => {
    expect(() => decodeSource('notes.html', bytes('正文，没有标记。'))).toThrow(InputError);
    expect(() => decodeSource('notes.html', bytes('正文，没有标记。'))).toThrow(/^notes\.html: is named as HTML/);
  });

  it('convert reads HTML given as text under an .html name', async () => {
    const result = await convert('<h1>标题</h1><p>正文。</p>', {
      fileName: 'clip.html',
      to: 'xlsx',
      sourceDateEpoch: 0,
    });
    expect(result.document.children[0]?.type).toBe('heading');
    expect(result.outputs[0]?.name).toBe('clip.xlsx');
  });
});
