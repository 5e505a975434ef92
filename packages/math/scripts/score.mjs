#!/usr/bin/env node
/**
 * Scores the converters on real formulas: `pnpm --filter @wenshu/math score [--libreoffice]`.
 *
 * Sets (see corpus/SOURCES.md):
 * - gold-ocr: every formula of the parser's gold corpus, ocr genre (MinerU output of ChinaXiv papers), read
 *   from packages/parser/test/fixtures/real/ocr with the parser, as the exporters see them;
 * - chinaxiv-mineru: the distinct formulas of 51 more MinerU papers (corpus/chinaxiv-mineru.jsonl);
 * - katex-screenshotter: KaTeX's visual test suite (corpus/katex-screenshotter.jsonl), a stress suite with
 *   KaTeX-only commands.
 *
 * For each set: the share converted without a warning to OMML (Word), to SVG (PDF display math) and to a
 * line of text (PDF inline math), of all formulas and of valid TeX — a formula is valid TeX when one of
 * the two independent TeX readers (Temml, MathJax) accepts it after repair. `--libreoffice` also writes
 * every converted formula into a DOCX, has LibreOffice convert it to ODT, and counts the formulas that
 * came back as equation objects (with a StarMath text), to check that what converts also opens.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@wenshu/parser';
import { zipPackage } from '@wenshu/zip';
import { strFromU8, unzipSync } from 'fflate';
import { texToLinear, texToOmml } from '../dist/index.js';
import { texToSvg } from '../dist/svg.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const ocrDir = join(root, '../parser/test/fixtures/real/ocr');

function goldOcr() {
  const out = [];
  for (const name of readdirSync(ocrDir)
    .filter((file) => file.endsWith('.md'))
    .sort()) {
    const walk = (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') {
        out.push({
          source: `ocr/${name}`,
          line: node.position?.start.line,
          display: node.type === 'math',
          tex: node.value,
        });
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(parse(readFileSync(join(ocrDir, name), 'utf8')));
  }
  return out;
}

function jsonl(name) {
  return readFileSync(join(root, 'corpus', name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

const sets = [
  ['gold-ocr', goldOcr()],
  ['chinaxiv-mineru', jsonl('chinaxiv-mineru.jsonl')],
  ['katex-screenshotter', jsonl('katex-screenshotter.jsonl')],
];

// mathml2omml logs elements it does not know; a converted formula must not have needed that.
let logged = 0;
const warn = console.warn;
console.warn = (...args) => {
  logged++;
  warn(...args);
};

const pct = (part, whole) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);
const rows = [];
const converted = new Map();
for (const [name, formulas] of sets) {
  let omml = 0;
  let svg = 0;
  let linear = 0;
  let typeset = 0;
  let typesetValid = 0;
  let shownAsTex = 0;
  let valid = 0;
  let ommlValid = 0;
  let svgValid = 0;
  const failures = new Map();
  const good = [];
  for (const formula of formulas) {
    const options = { display: formula.display };
    const a = texToOmml(formula.tex, options);
    const b = texToSvg(formula.tex, options);
    const c = texToLinear(formula.tex, options);
    const isValid = a.ok || b.ok;
    if (isValid) valid++;
    if (a.ok) {
      omml++;
      if (isValid) ommlValid++;
      good.push({ ...formula, omml: a.value });
    } else {
      const key = a.reason.replace(/ at position.*/, '');
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
    if (b.ok) {
      svg++;
      if (isValid) svgValid++;
    }
    // What the PDF does (export-pdf's handlers/math.ts): a display formula is drawn when MathJax reads it; an
    // inline one when MathJax draws it as paths, else it is its one-line form, else its TeX (with a warning).
    if (b.ok && (formula.display || b.value.operators)) {
      typeset++;
      if (isValid) typesetValid++;
    } else if (!formula.display && b.ok && c.ok) linear++;
    else shownAsTex++;
  }
  converted.set(name, good);
  const n = formulas.length;
  rows.push({
    set: name,
    formulas: n,
    valid: `${valid} (${pct(valid, n)})`,
    'Word (OMML)': `${pct(omml, n)} · ${pct(ommlValid, valid)} of valid`,
    'MathJax (SVG)': `${pct(svg, n)} · ${pct(svgValid, valid)} of valid`,
    'PDF typeset': `${pct(typeset, n)} · ${pct(typesetValid, valid)} of valid`,
    'PDF one-line text': pct(linear, n),
    'PDF TeX shown': pct(shownAsTex, n),
  });
  const top = [...failures].sort((x, y) => y[1] - x[1]).slice(0, 5);
  if (top.length > 0) console.log(`${name}: most frequent OMML failures`, top);
}
console.table(rows);
console.log(`mathml2omml warnings logged: ${logged}`);

if (process.argv.includes('--libreoffice')) {
  const work = mkdtempSync(join(tmpdir(), 'wenshu-math-score-'));
  try {
    for (const [name, good] of converted) {
      const found = throughLibreOffice(good, join(work, name));
      console.log(
        `${name}: ${found} of ${good.length} converted formulas open in LibreOffice as equations (${pct(found, good.length)})`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A bare DOCX, one paragraph per formula (display ones as m:oMathPara), as the DOCX exporter writes them. */
function docx(formulas) {
  const strip = (omml) => omml.replace(/^<m:oMath[^>]*>/, '<m:oMath>');
  const body = formulas
    .map((f) =>
      f.display
        ? `<w:p><m:oMathPara>${strip(f.omml)}</m:oMathPara></w:p>`
        : `<w:p><w:r><w:t xml:space="preserve">式 </w:t></w:r>${strip(f.omml)}</w:p>`,
    )
    .join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const M = 'http://schemas.openxmlformats.org/officeDocument/2006/math';
  return zipPackage(
    new Map([
      [
        '[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ],
      [
        '_rels/.rels',
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ],
      [
        'word/document.xml',
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:m="${M}"><w:body>${body}</w:body></w:document>`,
      ],
    ]),
    Date.UTC(2024, 0, 1),
  );
}

/** How many equation objects with a non-empty StarMath text LibreOffice made of the DOCX's formulas. */
function throughLibreOffice(formulas, base) {
  const input = `${base}.docx`;
  writeFileSync(input, docx(formulas));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${base}-profile`,
      '--headless',
      '--convert-to',
      'odt',
      '--outdir',
      dirname(base),
      input,
    ],
    { stdio: 'pipe', timeout: 600_000 },
  );
  const files = unzipSync(readFileSync(`${base}.odt`));
  let found = 0;
  for (const [path, bytes] of Object.entries(files)) {
    if (!/^Object \d+\/content\.xml$/.test(path)) continue;
    const annotation = /<annotation encoding="StarMath 5.0">([\s\S]*?)<\/annotation>/.exec(strFromU8(bytes));
    if (annotation && annotation[1].trim() !== '') found++;
  }
  return found;
}
