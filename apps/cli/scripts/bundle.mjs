/**
 * Builds the `wenshu` command: `src/cli.ts` and the worker thread's `src/lib/worker.ts` bundled with
 * their dependencies into `dist/` (ES modules, split into shared chunks, so each command and format
 * loads only what it uses). Starting a command from a few large files instead of some thousand small
 * ones (micromark, exceljs, …) saves about 0.4 s in every process and worker thread.
 *
 * The two font packages stay outside the bundle: the PDF exporter finds their font files through
 * the module system (they are the command's dependencies for that reason). pdfkit reads its
 * standard-font metrics and colour profile from `__dirname/data` (wenshu embeds its own fonts, so
 * only a PDF/A output intent would need them): those files are copied beside the bundle, and
 * `__dirname` in bundled code is the bundle's folder.
 */
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });

/**
 * fontkit publishes an ES module and a CommonJS build; the PDF exporter imports the first and
 * pdfkit requires the second, which would put fontkit in the bundle twice and evaluate it twice.
 * Every import of it is resolved to the CommonJS build (the one wenshu's patch applies to).
 */
const oneFontkit = {
  name: 'one-fontkit',
  setup(build) {
    build.onResolve({ filter: /^fontkit$/ }, async (args) => {
      if (args.pluginData?.oneFontkit) return undefined;
      const resolved = await build.resolve('fontkit', {
        kind: 'require-call',
        resolveDir: args.resolveDir,
        pluginData: { oneFontkit: true },
      });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
    });
  },
};

await build({
  plugins: [oneFontkit],
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', worker: 'src/lib/worker.ts' },
  outdir: 'dist',
  // worker.js must sit beside the chunk that starts it (`new URL('./worker.js', import.meta.url)`).
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@expo-google-fonts/*'],
  define: { __dirname: '__wenshuDirname' },
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: {
    js: [
      "import { createRequire as __wenshuCreateRequire } from 'node:module';",
      "import { dirname as __wenshuPathDirname } from 'node:path';",
      "import { fileURLToPath as __wenshuFileURLToPath } from 'node:url';",
      'const require = __wenshuCreateRequire(import.meta.url);',
      'const __wenshuDirname = __wenshuPathDirname(__wenshuFileURLToPath(import.meta.url));',
    ].join(' '),
  },
  legalComments: 'none',
  logLevel: 'warning',
});

// pdfkit's data files, found the way the bundle found pdfkit: through the PDF exporter and pdfmake.
const fromPdfExporter = createRequire(createRequire(join(root, 'package.json')).resolve('@wenshu/export-pdf'));
const pdfkit = createRequire(fromPdfExporter.resolve('pdfmake')).resolve('pdfkit/package.json');
cpSync(join(dirname(pdfkit), 'js', 'data'), join(root, 'dist', 'data'), { recursive: true });
