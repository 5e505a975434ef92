/**
 * `pnpm release:check`: installs the packages as a user outside this repository would, from the
 * tarballs `pnpm pack` makes, and uses them. Needs the npm registry (for the packages' own
 * dependencies) and a build (`pnpm build`); takes a minute or two, so CI runs the offline half
 * (apps/cli/test/pack.test.ts: manifests and file lists) instead.
 *
 * 1. The libraries: every @wenshu tarball installed together into a fresh npm project (given as
 *    tarballs, so npm never asks the registry for an @wenshu name), each imported from plain
 *    Node, and a small report converted to DOCX, PDF and XLSX.
 * 2. Their types: the README's library example compiled with `strict`, NodeNext and
 *    `skipLibCheck: false` against the installed packages and @types/node only.
 * 3. The command: `npm install -g wenshu-*.tgz` into a scratch prefix, alone, then
 *    `wenshu convert` run from the PATH; the installed size is printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const libraries = [
  'parser',
  'zh',
  'theme',
  'picture',
  'zip',
  'math',
  'export-docx',
  'export-pdf',
  'export-xlsx',
  'convert',
];
const scratch = mkdtempSync(join(tmpdir(), 'wenshu-release-'));
const keep = process.argv.includes('--keep');

const run = (cmd, args, cwd, env = process.env) => {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
};

/** Bytes under a folder, as `du` would count them roughly (file sizes, no blocks). */
function size(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += size(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

try {
  const tarballs = join(scratch, 'tarballs');
  const pack = (dir) =>
    JSON.parse(run('pnpm', ['pack', '--json', '--pack-destination', tarballs], join(root, dir))).filename;
  const libraryTarballs = libraries.map((name) => pack(`packages/${name}`));
  const cliTarball = pack('apps/cli');

  // 1. The libraries, installed together from their tarballs, used from plain Node.
  const project = join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', ...libraryTarballs, '@types/node@20'], project);
  writeFileSync(join(project, 'report.md'), '# 工作报告\n\n一、总体情况\n\n1.工作取得进展。全年完成任务。\n');
  writeFileSync(
    join(project, 'use.mjs'),
    `import { readFile, writeFile } from 'node:fs/promises';
import { decode, parse, structure, outline } from '@wenshu/parser';
import { toDocx } from '@wenshu/export-docx';
import { toPdf } from '@wenshu/export-pdf';
import { toXlsx } from '@wenshu/export-xlsx';
import { loadTheme } from '@wenshu/theme';
import { toTraditional } from '@wenshu/zh';
import '@wenshu/picture';
import '@wenshu/zip';
import '@wenshu/math';
import { convert } from '@wenshu/convert';
const { text } = decode(await readFile('report.md'), { fileName: 'report.md' });
const { document, fixes } = structure(parse(text));
const theme = loadTheme('gov');
await writeFile('report.docx', await toDocx(document, { theme }));
await writeFile('report.pdf', await toPdf(toTraditional(document, { variant: 'twp' }), { theme }));
await writeFile('report.xlsx', await toXlsx(document, { sourceFile: 'report.md' }));
console.log('sections:', outline(document, fixes).sections.length);
const { outputs } = await convert(await readFile('report.md'), { fileName: 'report.md', to: ['docx', 'xlsx'], zh: ['cn', 'tw'] });
for (const output of outputs) await writeFile(\`converted-\${output.name}\`, output.bytes);
`,
  );
  console.log(run(process.execPath, ['use.mjs'], project));
  for (const file of ['report.docx', 'report.pdf', 'report.xlsx', 'converted-report.tw.docx']) {
    if (statSync(join(project, file)).size === 0) throw new Error(`${file} is empty`);
  }

  // 2. The README's library example, type-checked as strictly as a consumer may.
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        skipLibCheck: false,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        noEmit: true,
        types: ['node'],
      },
      files: ['example.ts'],
    }),
  );
  writeFileSync(
    join(project, 'example.ts'),
    `import { readFile } from 'node:fs/promises';
import { decode, parse, structure, outline } from '@wenshu/parser';
import { toDocx } from '@wenshu/export-docx';
import { toPdf } from '@wenshu/export-pdf';
import { toXlsx } from '@wenshu/export-xlsx';
import { loadTheme } from '@wenshu/theme';
import { toTraditional } from '@wenshu/zh';

const bytes = await readFile('report.md');
const { text } = decode(bytes, { fileName: 'report.md' });
const { document, fixes } = structure(parse(text));
const gov = loadTheme('gov');
const docx: Uint8Array = await toDocx(document, { theme: gov });
const pdf: Uint8Array = await toPdf(document, { theme: gov, toc: true });
const xlsx: Uint8Array = await toXlsx(document, { sourceFile: 'report.md' });
const taiwan = toTraditional(document, { variant: 'twp' });
console.log(outline(document, fixes).sections.length, docx.length, pdf.length, xlsx.length, taiwan.type);
`,
  );
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
  console.log('the README example type-checks with skipLibCheck: false');

  // 3. The command, installed globally and alone.
  const prefix = join(scratch, 'global');
  run('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, cliTarball], scratch);
  const env = { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}` };
  run(
    'wenshu',
    ['convert', join(project, 'report.md'), '--to', 'docx,pdf,xlsx', '--out-dir', join(scratch, 'out')],
    scratch,
    env,
  );
  for (const file of ['report.docx', 'report.pdf', 'report.xlsx']) statSync(join(scratch, 'out', file));
  console.log(`wenshu installed globally: ${mb(size(join(prefix, 'lib', 'node_modules')))}`);
  console.log('release check passed');
} finally {
  if (keep) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
