/**
 * Markdown → DOCX. `wenshu-docx` is the whole pipeline in one process (parse, report passes,
 * toDocx with the report theme); `wenshu-cli-docx` is the command as a user runs it, a fresh
 * process each time, against pandoc on the same file (pandoc also starts fresh each time).
 */
import { wenshuCommand } from '../wenshu.mjs';

/** @type {import('./index.mjs').BenchCase[]} */
export const docxCases = [
  {
    name: 'wenshu-docx',
    description: 'parse + structure + toDocx (report theme) in one process',
    input: 'seed',
    async setup(input) {
      const { parse, structure } = await import('@wenshu/parser');
      const { toDocx } = await import('@wenshu/export-docx');
      const { loadTheme } = await import('@wenshu/theme');
      return { parse, structure, toDocx, theme: loadTheme('report'), text: input.text };
    },
    run: ({ parse, structure, toDocx, theme, text }) => toDocx(structure(parse(text)).document, { theme }),
    check(bytes) {
      if (!(bytes?.length > 1000) || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('not a DOCX (zip)');
    },
  },
  {
    name: 'pandoc-docx',
    description: 'pandoc 2.17 -f gfm → DOCX, a fresh process',
    input: 'seed',
    install: { program: 'pandoc', debian: 'pandoc' },
    command: (input) => ['pandoc', '-f', 'gfm', input.path, '-o', 'out.docx'],
  },
  {
    name: 'wenshu-cli-docx',
    description: 'wenshu convert --to docx, a fresh process (Node start-up included)',
    input: 'seed',
    baseline: 'pandoc-docx',
    // The command's elapsed time: V8 compiles and collects garbage in other threads beside it.
    target: { scale: 100, maxRatio: 2, on: 'wall', source: 'issue "Themes and the Word exporter"' },
    command: (input) => wenshuCommand('convert', input.path, '--to', 'docx', '--out-dir', '.'),
  },
];
