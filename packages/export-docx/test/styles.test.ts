import { gov, loadTheme, report } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { gridCharacterSpacing } from '../src/lib/styles.js';
import { doc, element, elements, must, render, style, styleProp } from './docx.js';

const body = doc([{ type: 'paragraph', children: [{ type: 'text', value: '正文。' }] }]);

async function stylesOf(themeName: 'report' | 'gov', lang?: string) {
  const out = await render(lang ? { ...body, meta: { lang } } : body, { theme: loadTheme(themeName) });
  return out.xml('word/styles.xml');
}

describe('named styles', () => {
  for (const theme of [report, gov]) {
    describe(theme.name, () => {
      it('has Heading 1–4 as Word built-ins, with outline levels and the theme East Asian faces', async () => {
        const styles = await stylesOf(theme.name as 'report' | 'gov');
        for (const level of [1, 2, 3, 4] as const) {
          const id = `Heading${level}`;
          const heading = style(styles, id);
          expect(heading.attributes['w:type']).toBe('paragraph');
          expect(element(heading, 'w:name')?.attributes['w:val']).toBe(`heading ${level}`);
          expect(styleProp(styles, id, 'w:pPr', 'w:outlineLvl')?.attributes['w:val']).toBe(String(level - 1));
          const fonts = styleProp(styles, id, 'w:rPr', 'w:rFonts')?.attributes;
          const face = theme.fonts[theme.headings[level].font];
          expect(fonts?.['w:eastAsia']).toBe(face.eastAsia);
          expect(fonts?.['w:ascii']).toBe(face.latin);
          expect(fonts?.['w:hAnsi']).toBe(face.latin);
          expect(styleProp(styles, id, 'w:rPr', 'w:sz')?.attributes['w:val']).toBe(
            String(theme.headings[level].sizePt * 2),
          );
        }
      });

      it('has a centred Title in the title face', async () => {
        const styles = await stylesOf(theme.name as 'report' | 'gov');
        expect(element(style(styles, 'Title'), 'w:name')?.attributes['w:val']).toBe('Title');
        expect(styleProp(styles, 'Title', 'w:rPr', 'w:rFonts')?.attributes['w:eastAsia']).toBe(
          theme.fonts[theme.title.font].eastAsia,
        );
        expect(styleProp(styles, 'Title', 'w:rPr', 'w:sz')?.attributes['w:val']).toBe('44');
        expect(styleProp(styles, 'Title', 'w:pPr', 'w:jc')?.attributes['w:val']).toBe('center');
        expect(styleProp(styles, 'Title', 'w:pPr', 'w:ind')?.attributes['w:firstLineChars']).toBe('0');
      });

      it('sets body text in Normal: justified, first line indented 2 characters in chars and twips', async () => {
        const styles = await stylesOf(theme.name as 'report' | 'gov');
        expect(style(styles, 'Normal').attributes['w:default']).toBe('1');
        expect(styleProp(styles, 'Normal', 'w:pPr', 'w:jc')?.attributes['w:val']).toBe('both');
        expect(styleProp(styles, 'Normal', 'w:pPr', 'w:ind')?.attributes).toMatchObject({
          'w:firstLineChars': '200',
          'w:firstLine': String(theme.body.sizePt * 2 * 20),
        });
        expect(styleProp(styles, 'Normal', 'w:rPr', 'w:rFonts')?.attributes['w:eastAsia']).toBe(
          theme.fonts[theme.body.font].eastAsia,
        );
      });
    });
  }

  it('gives report bodies the PDF’s 1.5 lines, 21.6 pt (432 twips), and gov bodies an exact 28.95 pt (579 twips)', async () => {
    // Exact, not a multiple of the face's own line height, which LibreOffice made 26.1 pt (issue 15).
    expect(styleProp(await stylesOf('report'), 'Normal', 'w:pPr', 'w:spacing')?.attributes).toMatchObject({
      'w:line': '432',
      'w:lineRule': 'exact',
    });
    expect(styleProp(await stylesOf('gov'), 'Normal', 'w:pPr', 'w:spacing')?.attributes).toMatchObject({
      'w:line': '579',
      'w:lineRule': 'exact',
    });
  });

  it('gives gov footnotes an exact spacing, so the 28.95 pt grid does not stretch them', async () => {
    const spacing = styleProp(await stylesOf('gov'), 'FootnoteText', 'w:pPr', 'w:spacing')?.attributes;
    expect(spacing?.['w:lineRule']).toBe('exact');
    expect(Number(spacing?.['w:line'])).toBeLessThan(579);
  });

  it('keeps every gov paragraph style off the grid, in schema order, and condenses characters to fit 28', async () => {
    const styles = await stylesOf('gov');
    for (const id of [
      'Normal',
      'Heading1',
      'Title',
      'SourceCode',
      'FootnoteText',
      'TableText',
      'Caption',
      'Footer',
      'Figure',
    ]) {
      const pPr = must(element(style(styles, id), 'w:pPr'));
      const names = elements(pPr).map((el) => el.name);
      expect(element(pPr, 'w:snapToGrid')?.attributes['w:val'], id).toBe('0');
      if (names.includes('w:spacing')) expect(names.indexOf('w:snapToGrid')).toBeLessThan(names.indexOf('w:spacing'));
    }
    // 442.25 pt of text width / 28 = 15.79 pt a character: 16 pt type condensed by 0.25 pt (−5 twentieths).
    const defaults = must(element(must(element(must(element(styles, 'w:docDefaults')), 'w:rPrDefault')), 'w:rPr'));
    const spacing = Number(element(defaults, 'w:spacing')?.attributes['w:val']);
    expect(spacing).toBe(-5);
    expect(28 * (16 + spacing / 20)).toBeLessThanOrEqual(442.25);
    expect(29 * (16 + spacing / 20)).toBeGreaterThan(442.25);
    expect(gridCharacterSpacing(loadTheme('report'))).toBe(0);
    const report = await stylesOf('report');
    expect(element(must(element(style(report, 'SourceCode'), 'w:pPr')), 'w:snapToGrid')).toBeUndefined();
    const reportDefaults = must(
      element(must(element(must(element(report, 'w:docDefaults')), 'w:rPrDefault')), 'w:rPr'),
    );
    expect(element(reportDefaults, 'w:spacing')).toBeUndefined();
  });

  it('indents quotes on the left as well', async () => {
    const ind = styleProp(await stylesOf('report'), 'Quote', 'w:pPr', 'w:ind')?.attributes;
    expect(ind).toMatchObject({ 'w:left': '480', 'w:firstLineChars': '200' });
  });

  it('has the run-in title, code, quote, footnote, caption, table, list and TOC styles', async () => {
    const styles = await stylesOf('gov');
    expect(style(styles, 'RunInTitle').attributes['w:type']).toBe('character');
    expect(styleProp(styles, 'RunInTitle', 'w:rPr', 'w:b')).toBeDefined();
    expect(styleProp(styles, 'RunInTitle', 'w:rPr', 'w:rFonts')?.attributes['w:eastAsia']).toBe('仿宋_GB2312');
    expect(styleProp(styles, 'VerbatimChar', 'w:rPr', 'w:rFonts')?.attributes['w:ascii']).toBe('Courier New');
    expect(styleProp(styles, 'SourceCode', 'w:rPr', 'w:rFonts')?.attributes['w:ascii']).toBe('Courier New');
    expect(styleProp(styles, 'Quote', 'w:rPr', 'w:rFonts')?.attributes['w:eastAsia']).toBe('楷体_GB2312');
    expect(element(style(styles, 'FootnoteText'), 'w:name')?.attributes['w:val']).toBe('footnote text');
    expect(element(style(styles, 'Caption'), 'w:name')?.attributes['w:val']).toBe('caption');
    expect(style(styles, 'TableGrid').attributes['w:type']).toBe('table');
    expect(styleProp(styles, 'ListParagraph', 'w:pPr', 'w:ind')?.attributes['w:firstLineChars']).toBe('0');
    for (const id of ['TOC1', 'TOC2', 'TOC3', 'TOCHeading', 'Footer', 'Hyperlink', 'FootnoteReference']) {
      expect(style(styles, id)).toBeDefined();
    }
  });

  it('sets the East Asian language from the document, zh-CN by default', async () => {
    const lang = (styles: Awaited<ReturnType<typeof stylesOf>>) => {
      const defaults = must(element(must(element(must(element(styles, 'w:docDefaults')), 'w:rPrDefault')), 'w:rPr'));
      return element(defaults, 'w:lang')?.attributes;
    };
    expect(lang(await stylesOf('report'))).toMatchObject({ 'w:eastAsia': 'zh-CN' });
    expect(lang(await stylesOf('report', 'zh-TW'))).toMatchObject({ 'w:eastAsia': 'zh-TW' });
  });

  it('names the faces Taiwan readers have in a zh-TW edition', async () => {
    const styles = await stylesOf('gov', 'zh-TW');
    expect(styleProp(styles, 'Normal', 'w:rPr', 'w:rFonts')?.attributes['w:eastAsia']).toBe('標楷體');
    expect(styleProp(styles, 'Heading1', 'w:rPr', 'w:rFonts')?.attributes['w:eastAsia']).toBe('微軟正黑體');
    const simplified = await stylesOf('gov');
    expect(styleProp(simplified, 'Normal', 'w:rPr', 'w:rFonts')?.attributes['w:eastAsia']).toBe('仿宋_GB2312');
  });
});
