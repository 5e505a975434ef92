import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './run-cli.js';

/**
 * What a user gets from `pnpm pack` (the tarballs a release publishes): each package's tarball is
 * unpacked and its manifest and file list checked, without a registry — a full install from the
 * tarballs (`pnpm release:check`, see scripts/release-check.mjs) needs the network and minutes.
 */

const packages = [
  'packages/parser',
  'packages/zh',
  'packages/theme',
  'packages/picture',
  'packages/zip',
  'packages/math',
  'packages/export-docx',
  'packages/export-pdf',
  'packages/export-xlsx',
  'packages/convert',
  'apps/cli',
];

interface Manifest {
  name: string;
  version: string;
  bin?: Record<string, string>;
  main?: string;
  types?: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

interface Packed {
  dir: string;
  manifest: Manifest;
  files: Set<string>;
}

const scratch = mkdtempSync(join(tmpdir(), 'wenshu-pack-'));
const packed = new Map<string, Packed>();

// The command's tarball holds 50 MB of fonts: packing it takes seconds on a loaded machine.
beforeAll(() => {
  for (const path of packages) {
    const out = join(scratch, path.replace('/', '-'));
    const pack = spawnSync('pnpm', ['pack', '--json', '--pack-destination', out], {
      cwd: join(repoRoot, path),
      encoding: 'utf8',
    });
    if (pack.status !== 0) throw new Error(`pnpm pack in ${path} failed:\n${pack.stderr}`);
    const { filename } = JSON.parse(pack.stdout) as { filename: string };
    const untar = spawnSync('tar', ['-xzf', filename, '-C', out], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`tar -xzf ${filename} failed:\n${untar.stderr}`);
    const list = spawnSync('tar', ['-tzf', filename], { encoding: 'utf8' });
    const files = new Set(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((f) => f.replace(/^package\//, '')),
    );
    const dir = join(out, 'package');
    packed.set(path, { dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')), files });
  }
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const get = (path: string): Packed => {
  const found = packed.get(path);
  if (!found) throw new Error(`${path} was not packed`);
  return found;
};

const allDependencies = (m: Manifest) => ({
  ...m.dependencies,
  ...m.devDependencies,
  ...m.peerDependencies,
  ...m.optionalDependencies,
});

/** Every string leaf of an `exports` map: the files a consumer's resolver can be sent to. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

describe.each(packages)('the tarball of %s', (path) => {
  it('names its dependencies by version: no workspace: protocol, which npm cannot install', () => {
    const { manifest } = get(path);
    const protocols = Object.entries(allDependencies(manifest)).filter(([, v]) => v.startsWith('workspace:'));
    expect(protocols).toEqual([]);
  });

  it('pins each @wenshu sibling to the exact version released with it', () => {
    const { manifest } = get(path);
    // An exact pin: a range would let npm take a newer @wenshu version from the registry.
    for (const [name, version] of Object.entries(manifest.dependencies ?? {})) {
      if (!name.startsWith('@wenshu/')) continue;
      const sibling = [...packed.values()].find((p) => p.manifest.name === name);
      expect(sibling, `${name} is one of the packed packages`).toBeDefined();
      expect(version, name).toBe(sibling?.manifest.version);
    }
  });

  it('holds every file its manifest points at, a LICENSE and a README', () => {
    const { manifest, files } = get(path);
    const targets = [
      ...exportTargets(manifest.exports),
      ...Object.values(manifest.bin ?? {}),
      ...(manifest.main ? [manifest.main] : []),
      ...(manifest.types ? [manifest.types] : []),
    ].map((t) => posix.normalize(t));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(files, target).toContain(target);
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
  });

  it('has source maps whose sources are in the tarball, and no map comment pointing at a missing map', () => {
    const { dir, files } = get(path);
    for (const file of files) {
      if (file.endsWith('.map')) {
        const map = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { sources: string[] };
        for (const source of map.sources) {
          const resolved = posix.join(posix.dirname(file), source);
          expect(files, `${file} → ${source}`).toContain(resolved);
        }
      } else if (/\.(c|m)?js$|\.d\.ts$/.test(file)) {
        const text = readFileSync(join(dir, file), 'utf8');
        const comment = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text);
        if (comment?.[1] && !comment[1].startsWith('data:')) {
          expect(files, `${file} → ${comment[1]}`).toContain(posix.join(posix.dirname(file), comment[1]));
        }
      }
    }
  });
});

describe('the wenshu command’s tarball', () => {
  it('declares no dependency: everything it runs is in the tarball', () => {
    // The @wenshu packages, commander, exceljs, pdfmake… are inside dist/cli.cjs, the four fallback
    // faces in dist/fonts. Declaring them made `npm i -g` install it all a second time (598 MB), and
    // the @wenshu names would be looked up on a registry where the scope is not wenshu's.
    const { manifest } = get('apps/cli');
    expect(manifest.dependencies).toBeUndefined();
  });

  it('ships the bundles, their code caches and pdfkit’s data files the bundle reads at run time', () => {
    const { files, dir } = get('apps/cli');
    for (const file of [
      'dist/cli.js',
      'dist/cli.cjs',
      'dist/worker.js',
      'dist/worker.cjs',
      'dist/data/Helvetica.afm',
      'dist/fonts/NotoSerifSC_400Regular.ttf',
      'dist/fonts/NotoSansSC_700Bold.ttf',
      'dist/fonts/NotoSansSC_300Light.ttf',
      'dist/fonts/NotoSerifSC-OFL.txt',
      'dist/fonts/NotoSerifTC_400Regular.ttf',
      'dist/fonts/NotoSansTC_300Light.ttf',
      'dist/fonts/NotoSansTC-OFL.txt',
      // mathml2omml (LGPL-3.0) beside the bundle, replaceable, with its licence.
      'dist/lgpl/mathml2omml.cjs',
      'dist/lgpl/mathml2omml-LICENSE.txt',
    ]) {
      expect(files, file).toContain(file);
    }
    // The bin is executable once installed: npm makes the link, the file must start Node itself.
    expect(readFileSync(join(dir, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env -S node')).toBe(true);
  });
});
