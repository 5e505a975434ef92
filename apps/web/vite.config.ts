/**
 * The site: one page (`index.html`, `src/main.ts`) and one Web Worker (`src/worker/worker.ts`) that
 * runs `@wenshu/convert`. The page's first load is the page alone; the worker, and in it the
 * exporters, OpenCC's data and the PDF engine, load when the first conversion is asked for, and the
 * fonts when the first PDF is.
 *
 * Dependencies are bundled for a browser (a Web Worker: the `worker` condition gives micromark's
 * entity decoder its build without a DOM). pdfmake's `browser` field names its prebuilt bundle, which
 * wenshu's patches (`patches/pdfmake@0.3.11.patch`, applied to `js/`) do not reach: pdfmake is
 * pointed at its patched `js/` files instead (`src/worker/pdfmake.js`), with the Node modules they
 * and pdfkit use given by the same browser versions pdfmake's own bundle uses (its webpack
 * configuration): events, stream-browserify, browserify-zlib, util, assert, buffer, and pdfmake's
 * virtual file system for `fs`. (The fontkit and restructure patches make the Node builds faster
 * and write the same bytes; the browser takes their browser builds.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const fromWeb = createRequire(resolve(here, 'package.json'));
// The PDF exporter's own dependencies (pdfmake, the Noto faces), as it resolves them.
const fromPdf = createRequire(resolve(here, 'node_modules/@wenshu/export-pdf/package.json'));
const pdfmakeDir = dirname(fromPdf.resolve('pdfmake/package.json'));
const pdfkitData = resolve(dirname(createRequire(resolve(pdfmakeDir, 'package.json')).resolve('pdfkit')), 'data');

/** The version the outputs record (the workbook's About sheet): the command's, as the page is the command's second edge. */
const version = (JSON.parse(readFileSync(resolve(here, '../cli/package.json'), 'utf8')) as { version: string }).version;

const nodeModules: Record<string, string> = {
  events: fromWeb.resolve('events/'),
  stream: fromWeb.resolve('stream-browserify'),
  zlib: fromWeb.resolve('browserify-zlib'),
  util: fromWeb.resolve('util/'),
  assert: fromWeb.resolve('assert/'),
  buffer: fromWeb.resolve('buffer/'),
  fs: resolve(pdfmakeDir, 'js/browser-extensions/virtual-fs-cjs.js'),
};

export default defineConfig({
  root: here,
  base: './',
  resolve: {
    conditions: ['worker', ...defaultClientConditions],
    alias: [
      { find: /^pdfmake$/, replacement: resolve(here, 'src/worker/pdfmake.js') },
      { find: /^pdfmake-js\/(.*)$/, replacement: `${pdfmakeDir}/js/$1` },
      { find: /^pdfkit-data\/(.*)$/, replacement: `${pdfkitData}/$1` },
      ...Object.entries(nodeModules).flatMap(([name, path]) => [
        { find: new RegExp(`^(node:)?${name}$`), replacement: path },
      ]),
    ],
  },
  // pdfkit reads its standard fonts' metrics from `__dirname + '/data/…'`, in the worker from
  // pdfmake's virtual file system (`src/worker/pdfmake.js` puts the one it needs there).
  define: { __dirname: '""', __WENSHU_VERSION__: JSON.stringify(version) },
  worker: {
    format: 'es',
    rollupOptions: {
      output: {
        // mathml2omml (LGPL-3.0) in a file of its own, with its licence in licenses/ (as the command
        // ships it beside its bundle), so that it can be replaced.
        manualChunks: (id) => (id.includes('/node_modules/mathml2omml/') ? 'lgpl-mathml2omml' : undefined),
        chunkFileNames: (chunk) =>
          chunk.name === 'lgpl-mathml2omml' ? 'assets/lgpl-mathml2omml-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The worker's bundle is large (the exporters, OpenCC's dictionaries, the PDF engine): it is
    // loaded on demand, not with the page.
    chunkSizeWarningLimit: 8000,
    commonjsOptions: { transformMixedEsModules: true },
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
