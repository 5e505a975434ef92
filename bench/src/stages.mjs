/**
 * Where a conversion's memory goes, stage by stage: one generated case (`@wenshu/test-corpus/adversarial`)
 * or a file, read → parse → structure → export, in this process with the built packages. After each
 * stage it prints the heap still held after a full collection (what the stage keeps alive) and the
 * process's peak resident memory so far (what the stage cost at its worst).
 *
 *   node --expose-gc src/stages.mjs CASE|FILE [--mb 1] [--to docx|pdf|xlsx]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const what = process.argv[2];
const mb = Number(option('mb', '1'));
const to = option('to', 'docx');
if (!globalThis.gc) {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const pkg = (name) => import(join(repo, 'packages', name, 'dist/index.js'));
const { parse, structure } = await pkg('parser');
const { presetTheme } = await pkg('theme');
const theme = presetTheme('report');

let text;
if (what.includes('.') || what.includes('/')) text = readFileSync(what, 'utf8');
else {
  const { adversarialCases } = await import(join(repo, 'packages/test-corpus/dist/adversarial.js'));
  const item = adversarialCases.find((c) => c.name === what);
  if (!item) throw new Error(`no case ${what}`);
  const made = item.make(mb * 1e6);
  text = typeof made === 'string' ? made : new TextDecoder().decode(made);
}

const MiB = 2 ** 20;
let last = performance.now();
function checkpoint(stage) {
  globalThis.gc();
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS / 1024;
  const now = performance.now();
  console.log(
    [
      stage.padEnd(12),
      `held ${(heapUsed / MiB).toFixed(0).padStart(5)} MiB`,
      `ext ${((external + arrayBuffers) / MiB).toFixed(0).padStart(4)}`,
      `peak RSS ${peak.toFixed(0).padStart(5)} MiB`,
      `${((now - last) / 1000).toFixed(1)} s`,
    ].join('  '),
  );
  last = now;
}
checkpoint('loaded');
let parsed = parse(text);
checkpoint('parse');
const { document } = structure(parsed);
parsed = undefined;
checkpoint('structure');
const sourceDateEpoch = 0;
let bytes;
if (to === 'docx') bytes = await (await pkg('export-docx')).toDocx(document, { theme, baseDir: repo, sourceDateEpoch });
else if (to === 'pdf')
  // The node entry: the core alone has no font host, so no bundled or system faces.
  bytes = await (await import(join(repo, 'packages/export-pdf/dist/node.js'))).toPdf(document, {
    theme,
    baseDir: repo,
    sourceDateEpoch,
  });
else bytes = await (await pkg('export-xlsx')).toXlsx(document, { sourceFile: 'x.md', version: '0', sourceDateEpoch });
checkpoint(`export ${to}`);
console.log(`${bytes.length} bytes out`);
