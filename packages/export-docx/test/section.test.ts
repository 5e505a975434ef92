import { loadTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { documentGrid, footerDistanceTwips } from '../src/lib/section.js';
import { descendants, doc, element, elements, must, render, textOf } from './docx.js';

const body = doc([{ type: 'paragraph', children: [{ type: 'text', value: '正文。' }] }]);

function sectPr(out: Awaited<ReturnType<typeof render>>) {
  const found = descendants(out.xml('word/document.xml'), 'w:sectPr')[0];
  if (!found) throw new Error('no sectPr');
  return found;
}

function footerParts(out: Awaited<ReturnType<typeof render>>) {
  const rels = out.xml('word/_rels/document.xml.rels');
  const targets = new Map(elements(rels, 'Relationship').map((r) => [r.attributes.Id, r.attributes.Target]));
  return elements(sectPr(out), 'w:footerReference').map((ref) => ({
    type: ref.attributes['w:type'],
    xml: out.xml(`word/${targets.get(ref.attributes['r:id'])}`),
  }));
}

describe('gov page setup (GB/T 9704)', () => {
  it('writes A4 with margins 2098/1984/1587/1474 twips', async () => {
    const out = await render(body, { theme: loadTheme('gov') });
    expect(element(sectPr(out), 'w:pgSz')?.attributes).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(element(sectPr(out), 'w:pgMar')?.attributes).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    });
  });

  it('has a grid of 22 lines of 579 twips, and no character grid LibreOffice would set 27 characters on', async () => {
    const out = await render(body, { theme: loadTheme('gov') });
    const grid = element(sectPr(out), 'w:docGrid')?.attributes;
    expect(grid).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '579' });
    expect(grid?.['w:charSpace']).toBeUndefined();
    expect(documentGrid(loadTheme('gov'))).toEqual({ type: 'lines', linePitch: 579 });
  });

  it('adds no space around Latin text and digits and hangs no punctuation past the margin', async () => {
    const gov = await render(body, { theme: loadTheme('gov') });
    const pPr = descendants(must(descendants(gov.xml('word/styles.xml'), 'w:pPrDefault')[0]), 'w:pPr')[0];
    for (const name of ['w:overflowPunct', 'w:autoSpaceDE', 'w:autoSpaceDN']) {
      expect(element(must(pPr), name)?.attributes['w:val'], name).toBe('0');
    }
    const report = await render(body, { theme: loadTheme('report') });
    expect(descendants(report.xml('word/styles.xml'), 'w:autoSpaceDE')).toEqual([]);
    // Marks side by side share their blank halves in Word as in the PDF (clreq §3.1.6), in every theme.
    for (const out of [gov, report]) {
      const control = element(out.xml('word/settings.xml'), 'w:characterSpacingControl');
      expect(control?.attributes['w:val']).toBe('compressPunctuation');
    }
  });

  it('numbers pages — N — in odd (right) and even (left) footers, one character in', async () => {
    const out = await render(body, { theme: loadTheme('gov') });
    expect(element(out.xml('word/settings.xml'), 'w:evenAndOddHeaders')?.attributes['w:val']).not.toBe('false');
    const footers = footerParts(out);
    expect(footers.map((f) => f.type).sort()).toEqual(['default', 'even']);
    for (const { type, xml } of footers) {
      expect(descendants(xml, 'w:instrText').map(textOf).join('').trim()).toBe('PAGE');
      expect(descendants(xml, 'w:t').map(textOf)).toEqual(['— ', ' —']);
      const pPr = must(element(must(descendants(xml, 'w:p')[0]), 'w:pPr'));
      expect(element(pPr, 'w:pStyle')?.attributes['w:val']).toBe('Footer');
      if (type === 'default') {
        expect(element(pPr, 'w:jc')?.attributes['w:val']).toBe('right');
        expect(element(pPr, 'w:ind')?.attributes['w:right']).toBe('280');
      } else {
        expect(element(pPr, 'w:jc')?.attributes['w:val']).toBe('left');
        expect(element(pPr, 'w:ind')?.attributes['w:left']).toBe('280');
      }
    }
    const footerStyle = must(
      descendants(out.xml('word/styles.xml'), 'w:style').find((s) => s.attributes['w:styleId'] === 'Footer'),
    );
    const fonts = descendants(footerStyle, 'w:rFonts')[0]?.attributes;
    expect(fonts?.['w:eastAsia']).toBe('宋体');
    expect(descendants(footerStyle, 'w:sz')[0]?.attributes['w:val']).toBe('28');
  });

  it('puts the number’s dashes 7 mm below the body area', () => {
    // 35 mm − (7 mm − 7 pt) − 14 pt = 25.53 mm = 1447 twips from the bottom edge to the bottom of the
    // line, whose dashes' ink lies half an em under its top.
    expect(footerDistanceTwips(loadTheme('gov'))).toBe(1447);
  });
});

describe('report page setup', () => {
  it('has no character grid and one centred Arabic page number', async () => {
    const out = await render(body, { theme: loadTheme('report') });
    expect(element(sectPr(out), 'w:docGrid')?.attributes['w:type']).toBeUndefined();
    expect(element(sectPr(out), 'w:pgMar')?.attributes).toMatchObject({ 'w:top': '1440', 'w:left': '1803' });
    const footers = footerParts(out);
    expect(footers.map((f) => f.type)).toEqual(['default']);
    const footer = must(footers[0]).xml;
    expect(descendants(footer, 'w:instrText').map(textOf).join('').trim()).toBe('PAGE');
    expect(descendants(footer, 'w:t')).toHaveLength(0);
    expect(descendants(footer, 'w:jc')[0]?.attributes['w:val']).toBe('center');
  });
});
