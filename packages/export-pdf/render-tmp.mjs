import { readFileSync, writeFileSync } from 'node:fs';
import { parse, structure } from '@wenshu/parser';
import { toPdf } from '@wenshu/export-pdf/node';
const [input, output, theme] = process.argv.slice(2);
const doc = structure(parse(readFileSync(input, 'utf8'))).document;
const t0 = performance.now();
const opts = { sourceDateEpoch: 1_700_000_000, onWarning: (w) => console.error('warn', w.code, w.line, w.message) };
if (theme) { const { presetTheme } = await import('@wenshu/theme'); opts.theme = presetTheme(theme); }
const bytes = await toPdf(doc, opts);
writeFileSync(output, bytes);
console.error('ms', Math.round(performance.now() - t0));
