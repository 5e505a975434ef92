/**
 * PDF and Excel. The in-process rows time the exporter alone (the document is parsed and
 * structured in setup); `wenshu-cli-all` is the whole command as a fresh process writing DOCX,
 * PDF and XLSX of the seed; `libreoffice-docx-pdf` is LibreOffice turning our DOCX of the same
 * file into a PDF, the comparison a user without wenshu's PDF exporter would make.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { wenshuCommand } from '../wenshu.mjs';

/** Setup shared by the exporter rows: the structured document of the input. */
async function structured(/** @type {{ text: string }} */ input) {
  const { parse, structure } = await import('@wenshu/parser');
  const { loadTheme } = await import('@wenshu/theme');
  return { document: structure(parse(input.text)).document, loadTheme };
}

/** @param {Uint8Array | undefined} bytes @param {string} magic */
function expectMagic(bytes, magic) {
  if (!(bytes && bytes.length > 1000 && Buffer.from(bytes.subarray(0, magic.length)).toString() === magic)) {
    throw new Error(`output does not start with ${magic}`);
  }
}

/** @type {import('./index.mjs').BenchCase[]} */
export const pdfXlsxCases = [
  {
    name: 'wenshu-pdf',
    description: 'toPdf (report theme) of the structured document, fonts resolved once per process',
    input: 'seed',
    async setup(input) {
      const { document, loadTheme } = await structured(input);
      const { toPdf } = await import('@wenshu/export-pdf');
      return { toPdf, document, theme: loadTheme('report') };
    },
    run: ({ toPdf, document, theme }) => toPdf(document, { theme }),
    check: (bytes) => expectMagic(bytes, '%PDF'),
  },
  {
    name: 'wenshu-pdf-gov',
    description: 'toPdf (gov theme: 22 × 28 grid) of the structured document',
    input: 'seed',
    scales: [1, 100],
    async setup(input) {
      const { document, loadTheme } = await structured(input);
      const { toPdf } = await import('@wenshu/export-pdf');
      return { toPdf, document, theme: loadTheme('gov') };
    },
    run: ({ toPdf, document, theme }) => toPdf(document, { theme }),
    check: (bytes) => expectMagic(bytes, '%PDF'),
  },
  {
    name: 'wenshu-xlsx',
    description: 'toXlsx of the structured document (items, tables, figures, about)',
    input: 'seed',
    async setup(input) {
      const { document } = await structured(input);
      const { toXlsx } = await import('@wenshu/export-xlsx');
      return { toXlsx, document };
    },
    run: ({ toXlsx, document }) => toXlsx(document),
    check: (bytes) => expectMagic(bytes, 'PK'),
  },
  {
    name: 'wenshu-cli-all',
    description: 'wenshu convert --to docx,pdf,xlsx, a fresh process (target ≤ 1.5 s wall on the seed)',
    input: 'seed',
    scales: [1],
    target: { scale: 1, maxMs: 1500, source: 'issue "Print-ready PDF with Chinese typesetting"' },
    command: (input) => wenshuCommand('convert', input.path, '--to', 'docx,pdf,xlsx', '--out-dir', '.'),
  },
  {
    name: 'libreoffice-docx-pdf',
    description: "LibreOffice converting wenshu's DOCX of the same input to PDF, a fresh process",
    input: 'seed',
    scales: [1, 10],
    install: { program: 'soffice', debian: 'libreoffice-writer-nogui' },
    command: (input) => {
      // The DOCX it converts is made once, untimed, beside the runs.
      const docx = join(input.outDir, `${basename(input.path, extname(input.path))}.docx`);
      if (!existsSync(docx)) {
        const [node = process.execPath, ...args] = wenshuCommand(
          'convert',
          input.path,
          '--to',
          'docx',
          '--out-dir',
          input.outDir,
        );
        spawnSync(node, args);
      }
      const profile = `file://${join(input.outDir, 'lo-profile')}`;
      return [
        'soffice',
        '--headless',
        `-env:UserInstallation=${profile}`,
        '--convert-to',
        'pdf',
        docx,
        '--outdir',
        '.',
      ];
    },
  },
];
