/**
 * Every package's core runs anywhere JavaScript runs: bundled for `platform: 'browser'`, as a web
 * page's bundler would, its default entry (and all it imports, dependencies included, through their
 * `browser` fields) must import no Node built-in, and wenshu's own code must use no Node global.
 * Each offence is listed with the file that commits it.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const packages = resolve(import.meta.dirname, '../..');
const builtins = new Set(builtinModules);
const isBuiltin = (path: string) => path.startsWith('node:') || builtins.has(path.split('/')[0] as string);

/** Where a file is, for the report: `export-pdf/dist/lib/fonts/face.js`, `fontkit/dist/module.mjs`. */
function where(file: string): string {
  const inModules = file.lastIndexOf('node_modules/');
  if (inModules >= 0)
    return file.slice(inModules + 'node_modules/'.length).replace(/^\.pnpm\/[^/]+\/node_modules\//, '');
  return relative(packages, file);
}

/**
 * `import 'x'` → `x` from `file`, for each Node built-in the bundle would need: one esbuild cannot
 * resolve for the browser (a `browser` field that maps it to an empty module is not counted).
 */
async function nodeImports(entry: string): Promise<string[]> {
  const found = new Set<string>();
  const spy: Plugin = {
    name: 'node-built-ins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.inner || !isBuiltin(args.path)) return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { inner: true },
        });
        if (resolved.errors.length === 0) return resolved;
        found.add(`${args.path.replace(/^node:/, '')} from ${where(args.importer)}`);
        return { path: args.path, external: true };
      });
    },
  };
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [spy],
  });
  // Node's globals in wenshu's own code (a dependency may test for them, as isomorphic code does).
  for (const input of Object.keys(metafile.inputs)) {
    const file = resolve(input);
    if (!file.startsWith(packages) || file.includes('node_modules')) continue;
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    // Used, not named: `process.env`, `Buffer.from`, `require(…)` (the words occur in strings and comments).
    for (const match of code.matchAll(/\b(?:(Buffer|process)\s*\.|(require)\s*\(|(__dirname|__filename)\b)/g)) {
      found.add(`global ${match[1] ?? match[2] ?? match[3]} in ${where(file)}`);
    }
  }
  return [...found].sort();
}

describe('the core of each package bundles for the browser without Node built-ins', () => {
  it.each(['parser', 'zip', 'picture', 'theme', 'zh', 'export-docx', 'export-xlsx', 'export-pdf', 'convert'])(
    '@wenshu/%s',
    async (name) => {
      expect(await nodeImports(join(packages, name, 'dist', 'index.js'))).toEqual([]);
    },
    60_000,
  );

  it('and the Node entries are what bring Node in', async () => {
    expect(await nodeImports(join(packages, 'zip', 'dist', 'node.js'))).toEqual(['zlib from zip/dist/node.js']);
    expect(await nodeImports(join(packages, 'export-docx', 'dist', 'node.js'))).toContain(
      'global process in export-docx/dist/node.js',
    );
  });
});
