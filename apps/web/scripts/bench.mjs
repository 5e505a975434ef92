/**
 * The page's budgets (issue 20, item 7), measured in Chromium against the built site:
 *
 * - first load: the JavaScript the page loads before anything is asked of it, gzipped (budget
 *   400 KB; the worker, the exporters, OpenCC's data and the fonts load on demand);
 * - the example report to DOCX + PDF + XLSX in the page (the worker's time, first and second run:
 *   the first includes loading the worker and fetching the fonts) against the command run on the
 *   same input in the same run (budget: the page within 2× the command).
 *
 * `pnpm --filter @wenshu/web bench` (after `pnpm build`); `--json` prints one JSON object.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { serve } from './serve.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const repo = resolve(root, '../..');
const seed = join(repo, 'examples/report.md');
// The ×100 measure (issue 20): the shared corpus's seed when it is there, the example otherwise.
const corpusSeed = join(repo, '../shared/corpus/seed/weifang-2023-departments.md');
const x100Source = existsSync(corpusSeed) ? corpusSeed : seed;
const x100Name = x100Source === seed ? 'the example' : 'the corpus seed';
const FIRST_LOAD_BUDGET = 400 * 1024;

const { server, port } = await serve(0);
const origin = `http://127.0.0.1:${port}`;
const profile = mkdtempSync(join(tmpdir(), 'wenshu-web-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
const scripts = new Set();
context.on('request', (request) => {
  // The service worker's own fetches (it caches the whole site on install) are not the page's load.
  if (request.serviceWorker()) return;
  const url = new URL(request.url());
  if (url.origin === origin && url.pathname.endsWith('.js')) scripts.add(url.pathname);
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
const firstLoad = [...scripts].filter((path) => path !== '/sw.js');
const gz = (path) => gzipSync(readFileSync(join(root, 'dist', path))).length;
const firstLoadGzip = firstLoad.reduce((sum, path) => sum + gz(path), 0);

async function convertInPage() {
  await page.click('#convert');
  await page.waitForFunction(() => document.querySelector('#status')?.dataset.elapsedMs, null, { timeout: 180_000 });
  const ms = Number(await page.$eval('#status', (e) => e.dataset.elapsedMs));
  await page.$eval('#status', (e) => delete e.dataset.elapsedMs);
  return ms;
}
await page.setInputFiles('#open', seed);
await page.waitForSelector('#outline li a', { timeout: 120_000 });
await page.check('#formats input[value=pdf]');
await page.check('#formats input[value=xlsx]');
const pageFirst = await convertInPage();
const pageSecond = await convertInPage();
// The seed ×100 pasted in: the longest task on the page's thread while it converts.
await page.click('#new');
await page.$eval(
  '#editor',
  (editor, text) => {
    editor.value = text;
    editor.dispatchEvent(new Event('input', { bubbles: true }));
  },
  Array(100).fill(readFileSync(x100Source, 'utf8')).join('\n\n'),
);
await page.waitForFunction(() => document.querySelector('#outline').children.length >= 100, null, { timeout: 120_000 });
await page.evaluate(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
});
const page100 = await convertInPage();
const longestTask = await page.evaluate(() => Math.max(0, ...window.longTasks));
const onDemand = [...scripts].filter((path) => !firstLoad.includes(path) && path !== '/sw.js');
const onDemandGzip = onDemand.reduce((sum, path) => sum + gz(path), 0);
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });

const out = mkdtempSync(join(tmpdir(), 'wenshu-web-bench-out-'));
const started = performance.now();
execFileSync(process.execPath, [
  join(repo, 'apps/cli/dist/cli.js'),
  'convert',
  seed,
  '--to',
  'docx,pdf,xlsx',
  '--out-dir',
  out,
  '-q',
]);
const command = performance.now() - started;
rmSync(out, { recursive: true, force: true });

const result = {
  firstLoadJsGzipKB: Math.round(firstLoadGzip / 1024),
  firstLoadFiles: firstLoad.length,
  firstLoadWithinBudget: firstLoadGzip <= FIRST_LOAD_BUDGET,
  onDemandJsGzipKB: Math.round(onDemandGzip / 1024),
  pageFirstMs: Math.round(pageFirst),
  pageSecondMs: Math.round(pageSecond),
  commandMs: Math.round(command),
  // Cold against cold: the first run in the page loads the worker and the fonts, as the command loads its code and faces.
  pageFirstOverCommand: Number((pageFirst / command).toFixed(2)),
  // Both files are converted (the example and the seed ×100): the page converts every open file.
  x100Source: x100Name,
  pageWithX100Ms: Math.round(page100),
  longestMainThreadTaskMs: Math.round(longestTask),
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else {
  console.log(
    `first load: ${result.firstLoadJsGzipKB} KB of JavaScript gzipped in ${result.firstLoadFiles} file(s) (budget 400 KB: ${result.firstLoadWithinBudget ? 'within' : 'OVER'})`,
  );
  console.log(
    `on demand (worker, exporters, OpenCC, PDF engine): ${result.onDemandJsGzipKB} KB gzipped; fonts fetched with the first PDF`,
  );
  console.log(
    `the example and ${x100Name} ×100 → DOCX + PDF + XLSX in the page: ${result.pageWithX100Ms} ms; longest task on the page's thread ${result.longestMainThreadTaskMs} ms (budget 200 ms)`,
  );
  console.log(
    `examples/report.md → DOCX + PDF + XLSX: page ${result.pageFirstMs} ms first (worker and fonts loaded), ${result.pageSecondMs} ms next; command ${result.commandMs} ms (page, first run, / command: ${result.pageFirstOverCommand}×; budget 2×)`,
  );
}
