/**
 * TeX formulas as Word equations (OMML), and their fallback to TeX in the code face.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bodyBlocks,
  descendants,
  element,
  md,
  must,
  paragraphText,
  pStyle,
  render,
  rStyle,
  runs,
  runText,
} from './docx.js';

const REPO = join(import.meta.dirname, '../../..');

describe('formulas in Word', () => {
  it('puts inline math in the paragraph as m:oMath, between the text runs', async () => {
    const out = await render(md('功率为 $P = \\frac{V^2}{R}$，其中 $R$ 为电阻。'));
    const [p] = bodyBlocks(out);
    const children = must(p)
      .children.filter((c) => typeof c !== 'string')
      .map((c) => c.name);
    expect(children.filter((name) => name === 'm:oMath')).toHaveLength(2);
    expect(children.indexOf('m:oMath')).toBeGreaterThan(children.indexOf('w:r'));
    const fraction = must(descendants(must(p), 'm:f')[0]);
    expect(descendants(must(element(fraction, 'm:num')), 'm:t').map((t) => t.children.join(''))).toEqual(['V', '2']);
    expect(descendants(fraction, 'm:sSup')).toHaveLength(1);
    expect(out.warnings).toEqual([]);
  });

  it('makes display math a centred paragraph holding m:oMathPara', async () => {
    const out = await render(md('正文。\n\n$$\n\\sum_{i=1}^{n} x_i = 1\n$$\n'));
    const [, p] = bodyBlocks(out);
    const para = must(element(must(p), 'm:oMathPara'));
    expect(must(element(para, 'm:oMath'))).toBeDefined();
    expect(descendants(para, 'm:nary')).toHaveLength(1);
    // The namespaces are declared once, on the document's root.
    expect(out.text('word/document.xml')).not.toMatch(/<m:oMath xmlns/);
    expect(out.text('word/document.xml')).toMatch(
      /<w:document[^>]* xmlns:m="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/math"/,
    );
  });

  it('keeps <, > and & of a formula escaped, so the document stays well-formed XML', async () => {
    const out = await render(md('显著 $P < 0.05$，且 $a \\& b > c$。'));
    const t = descendants(must(bodyBlocks(out)[0]), 'm:t').map((node) => node.children.join(''));
    expect(t).toContain('P<0.05');
    expect(t.join('')).toContain('a&b>c');
  });

  it('repairs OCR spacing before converting', async () => {
    const out = await render(md('信号 $\\mathrm { R F }$ 的功率'));
    const t = descendants(must(bodyBlocks(out)[0]), 'm:t').map((node) => node.children.join(''));
    expect(t).toEqual(['RF']);
  });

  it('shows a formula that does not convert as its TeX in the code face, with a warning naming its line', async () => {
    const out = await render(md('第一段。\n\n公式 $\\foo{x}$ 损坏。\n\n$$\n{a\n$$\n'));
    const [, inline, display] = bodyBlocks(out);
    const code = must(runs(must(inline)).find((r) => runText(r) === '\\foo{x}'));
    expect(rStyle(code)).toBe('VerbatimChar');
    expect(pStyle(must(display))).toBe('DisplayMath');
    expect(paragraphText(must(display))).toBe('{a');
    expect(out.warnings.map((w) => [w.code, w.line])).toEqual([
      ['math-unconverted', 3],
      ['math-unconverted', 5],
    ]);
    expect(out.warnings[0]?.message).toContain('\\foo');
  });

  it('gives the same bytes for the same document', async () => {
    const source = md('$$\n\\int_0^1 x^2 dx = \\frac{1}{3} \\tag{2}\n$$\n\n行内 $\\alpha + \\beta$。');
    const a = await render(source);
    const b = await render(source);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

describe('formulas through LibreOffice', () => {
  const work = mkdtempSync(join(tmpdir(), 'wenshu-docx-math-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('opens the equations of examples/formulas.md as math, not TeX', { timeout: 180_000 }, async () => {
    const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
    if (!found) throw new Error('soffice not found: install libreoffice-writer-nogui and libreoffice-math-nogui');
    const out = await render(md(readFileSync(join(REPO, 'examples/formulas.md'), 'utf8')));
    const input = join(work, 'formulas.docx');
    writeFileSync(input, out.bytes);
    execFileSync(
      found,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        input,
      ],
      { stdio: 'pipe', timeout: 170_000 },
    );
    const text = execFileSync('pdftotext', [join(work, 'formulas.pdf'), '-'], { encoding: 'utf8' });
    // Without libreoffice-math LibreOffice drops the equations silently: their letters must be there.
    expect(text).toContain('qE');
    expect(text).toMatch(/a\s*11/);
    expect(text).toContain('∫');
    // Only the broken formula is left as TeX.
    expect(text.match(/\\[a-z]+/g)).toEqual(['\\foo']);
    expect(out.warnings.map((w) => w.code)).toEqual(['math-unconverted']);
  });
});
