/**
 * Where does a case spend its time? Runs one case under `node --cpu-prof` and summarises the
 * profile: self time by package or file, the heaviest functions, and the inclusive time of
 * every function in our own packages (`packages/<name>/dist`).
 *
 *   node src/profile.mjs <case> <scale> [--top <n>]
 *
 * The raw `.cpuprofile` stays in bench/out/profiles/ (open it in Chrome DevTools or speedscope).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OUT_DIR, REPO_DIR } from './inputs.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const [caseName, scale = '100'] = positionals;
if (!caseName) {
  process.stderr.write('usage: node src/profile.mjs <case> <scale> [--top <n>]\n');
  process.exit(2);
}
const top = Number(values.top);

const dir = join(OUT_DIR, 'profiles');
mkdirSync(dir, { recursive: true });
const started = Date.now();
const worker = fileURLToPath(new URL('./worker.mjs', import.meta.url));
const child = spawnSync(
  process.execPath,
  ['--expose-gc', '--cpu-prof', `--cpu-prof-dir=${dir}`, worker, caseName, scale, '--quick'],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (child.status !== 0) process.exit(child.status ?? 1);
const file = readdirSync(dir)
  .filter((name) => name.endsWith('.cpuprofile'))
  .map((name) => join(dir, name))
  .filter((path) => statSync(path).mtimeMs >= started)
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!file) throw new Error('no profile written');

/**
 * @typedef {{ functionName: string, url: string, lineNumber: number }} CallFrame
 * @typedef {{ id: number, callFrame: CallFrame, children?: number[] }} ProfileNode
 * @type {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }}
 */
const profile = JSON.parse(readFileSync(file, 'utf8'));

/** Package or file a frame belongs to: `micromark`, `parser/lib/from-mdast.js`, `(gc)`. */
function owner(/** @type {CallFrame} */ frame) {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pnpm = url.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pnpm) return pnpm[1] ?? url;
  const ours = url.match(/\/packages\/([^/]+)\/dist\/(.+)$/);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return relative(REPO_DIR, fileURLToPath(url.startsWith('file:') ? url : `file://${url}`));
}
const isOurs = (/** @type {CallFrame} */ frame) => /\/packages\/[^/]+\/dist\//.test(frame.url);
const label = (/** @type {CallFrame} */ frame) =>
  `${frame.functionName || '(anonymous)'}  ${owner(frame)}:${frame.lineNumber + 1}`;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const childId of node.children ?? []) parent.set(childId, node.id);

/** @type {Map<string, number>} */ const selfByOwner = new Map();
/** @type {Map<string, number>} */ const selfByFunction = new Map();
/** @type {Map<string, number>} */ const inclusiveOurs = new Map();
let total = 0;
const add = (/** @type {Map<string, number>} */ map, /** @type {string} */ key, /** @type {number} */ ms) =>
  map.set(key, (map.get(key) ?? 0) + ms);

profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index] ?? 0) / 1000;
  const node = byId.get(id);
  if (!node || node.callFrame.functionName === '(idle)') return;
  total += ms;
  add(selfByOwner, owner(node.callFrame), ms);
  add(selfByFunction, label(node.callFrame), ms);
  // Inclusive: every distinct one of our functions on the stack (recursion counted once).
  const seen = new Set();
  for (let current = id; current !== undefined; current = parent.get(current)) {
    const frame = byId.get(current)?.callFrame;
    if (frame && isOurs(frame)) seen.add(label(frame));
  }
  for (const key of seen) add(inclusiveOurs, key, ms);
});

const table = (/** @type {string} */ title, /** @type {Map<string, number>} */ map, /** @type {number} */ limit) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}\n`);
  }
};
process.stdout.write(
  `profile: ${relative(REPO_DIR, file)}\n${caseName} ×${scale}: ${total.toFixed(0)} ms sampled (setup and warm-up included)\n`,
);
table('self time by package / file', selfByOwner, top);
table('self time by function', selfByFunction, top);
table('inclusive time of our own functions (packages/*/dist)', inclusiveOurs, top);
