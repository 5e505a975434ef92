/**
 * Builds the `wenshu` command into `dist/`:
 *
 * - `cli.cjs` and `cli.cjs.cache`: `src/cli.ts` bundled with its dependencies into one CommonJS
 *   file, and V8's code cache of it; `worker.cjs` and its cache, the same for the worker thread of
 *   `convert --jobs N` (`src/lib/worker.ts`). Starting from one file instead of some thousand small
 *   ones (micromark, exceljs, …) saves about 0.4 s in every process and worker thread; the code
 *   cache saves compiling it (see src/boot/run-bundle.ts). Modules are still evaluated only when a
 *   command needs them: esbuild keeps each bundled module behind a function called on first import.
 * - `cli.js` (the `wenshu` bin) and `worker.js`: small ES modules (`src/boot/`) that start a bundle
 *   from its cache.
 * - `data/`: pdfkit's data files.
 *
 * The caches are written by a warm-up run of the built command on the example report (all three
 * formats, both editions, two threads), so that they also hold the functions a conversion compiles
 * as it runs.
 *
 * - `fonts/`: the ten faces the PDF falls back to (Noto Serif SC and Noto Sans SC, regular and
 *   bold, and Noto Sans SC light for 楷; the same five of Noto Serif TC and Noto Sans TC for
 *   Traditional documents) and their licence (OFL 1.1). The four npm packages hold seven to nine
 *   weights each, 350 MB installed; the command uses 102 MB of them. The PDF exporter finds them through the module system
 *   (`bundledFile` in fonts/node-host.ts); in the bundle that one call is pointed at `fonts/` beside
 *   it, so the command's tarball declares no dependency at all.
 *
 * pdfkit reads its
 * standard-font metrics and colour profile from `__dirname/data` (wenshu embeds its own fonts, so
 * only a PDF/A output intent would need them): those files are copied beside the bundle, where
 * `__dirname` points.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeFlags } from './node-flags.mjs';

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

/**
 * mathml2omml (Word equations) is LGPL-3.0: it stays out of the minified bundle, a file of its own
 * beside it (`dist/lgpl/mathml2omml.cjs`, its CommonJS build as published but for the source-map comment, with its licence) that the
 * bundle requires at run time, so that a user can replace it (LGPL-3.0 section 4).
 */
const LGPL_MODULE = 'mathml2omml';
const separateLgpl = {
  name: 'separate-lgpl',
  setup(build) {
    build.onResolve({ filter: /^mathml2omml$/ }, () => ({ path: `./lgpl/${LGPL_MODULE}.cjs`, external: true }));
  },
};

/**
 * The faces the PDF exporter falls back to: [package, file prefix, weight folders]. Sans Light
 * stands in for 楷 when no 楷 is installed (`kaiFallback` in fonts/resolve.ts). The TC faces are
 * Traditional documents' fallback before the SC ones.
 */
const FONT_PACKAGES = [
  ['noto-serif-sc', 'NotoSerifSC', ['400Regular', '700Bold']],
  ['noto-sans-sc', 'NotoSansSC', ['300Light', '400Regular', '700Bold']],
  // The same weights in Traditional-Chinese forms, for zh-TW / zh-HK / zh-Hant documents.
  ['noto-serif-tc', 'NotoSerifTC', ['400Regular', '700Bold']],
  ['noto-sans-tc', 'NotoSansTC', ['300Light', '400Regular', '700Bold']],
];

/**
 * In the bundle, the PDF exporter's bundled font files are `fonts/<name>_<weight>.ttf` beside the
 * bundle instead of files of the font packages. The call is matched exactly: if the exporter's code
 * changes, the build fails here rather than ship a command without fonts.
 */
const bundledFonts = {
  name: 'bundled-fonts',
  setup(build) {
    build.onLoad({ filter: /export-pdf[\\/]dist[\\/]lib[\\/]fonts[\\/]node-host\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the exporter's source text, as written
      const call = 'require.resolve(`@expo-google-fonts/${pkg}/${dir}/${name}_${dir}.ttf`)';
      if (!source.includes(call)) throw new Error(`${args.path} no longer resolves the bundled fonts with ${call}`);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the bundle
      const beside = "require('node:url').fileURLToPath(new URL(`fonts/${name}_${dir}.ttf`, import.meta.url))";
      return { contents: source.replace(call, beside), loader: 'js' };
    });
  },
};

const common = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
};

await build({
  ...common,
  plugins: [oneFontkit, bundledFonts, separateLgpl],
  entryPoints: { cli: 'src/cli.ts', worker: 'src/lib/worker.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // Without comments and indentation the bundles are a third smaller (see also asciiOnly below).
  minifyWhitespace: true,
  // The sources are ES modules; in the bundle, `import.meta.url` is the bundle file's URL (the
  // worker pool starts `./worker.js` beside it; the PDF exporter finds the font packages from it).
  define: { 'import.meta.url': '__wenshuBundleUrl' },
  banner: { js: "const __wenshuBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

/**
 * esbuild escapes the characters beyond ASCII in strings, but not in regular expressions (the
 * parser's /[０-９]/, /[。！？]/…). One such character makes Node read a whole 9 MB bundle as UTF-8
 * into a two-byte string, 50 ms in every thread; an ASCII-only file takes a tenth of that. A
 * `\uXXXX` escape (a surrogate pair beyond the BMP) means the same character in a string, a
 * template, a regular expression (with or without the `u` flag) and an identifier. A character
 * already escaped (`\。`, an identity escape: the character itself) loses that backslash, not the
 * backslashes before it that escape each other (`\\。` is a backslash and the character).
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const escaped = text.replace(/(\\*)([\u0080-\uffff])/g, (_, backslashes, char) => {
    const kept = backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes;
    return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  writeFileSync(file, escaped);
}
asciiOnly(join(root, 'dist', 'cli.cjs'));
asciiOnly(join(root, 'dist', 'worker.cjs'));

await build({
  ...common,
  entryPoints: { cli: 'src/boot/cli.ts', worker: 'src/boot/worker.ts' },
  format: 'esm',
});

// pdfkit's data files, found the way the bundle found pdfkit: through the PDF exporter and pdfmake.
const fromPdfExporter = createRequire(createRequire(join(root, 'package.json')).resolve('@wenshu/export-pdf'));
const pdfkit = createRequire(fromPdfExporter.resolve('pdfmake')).resolve('pdfkit/package.json');
cpSync(join(dirname(pdfkit), 'js', 'data'), join(root, 'dist', 'data'), { recursive: true });

// The LGPL module beside the bundle, as published, with its licence (see separateLgpl).
const fromDocxExporter = createRequire(createRequire(join(root, 'package.json')).resolve('@wenshu/export-docx'));
const fromMath = createRequire(fromDocxExporter.resolve('@wenshu/math'));
const lgplFolder = dirname(fromMath.resolve(`${LGPL_MODULE}/package.json`));
mkdirSync(join(root, 'dist', 'lgpl'), { recursive: true });
// Its code as published; only the comment naming its source map goes (the map is not shipped).
const lgplCode = readFileSync(join(lgplFolder, 'dist', 'index.cjs.js'), 'utf8').replace(
  /\n\/\/# sourceMappingURL=\S+\s*$/,
  '\n',
);
writeFileSync(join(root, 'dist', 'lgpl', `${LGPL_MODULE}.cjs`), lgplCode);
cpSync(join(lgplFolder, 'LICENSE'), join(root, 'dist', 'lgpl', `${LGPL_MODULE}-LICENSE.txt`));

// The fallback faces and their licence, from the packages the PDF exporter depends on.
for (const [pkg, name, weights] of FONT_PACKAGES) {
  const folder = dirname(fromPdfExporter.resolve(`@expo-google-fonts/${pkg}/package.json`));
  for (const weight of weights) {
    cpSync(join(folder, weight, `${name}_${weight}.ttf`), join(root, 'dist', 'fonts', `${name}_${weight}.ttf`));
  }
  cpSync(join(folder, 'LICENSE_FONT'), join(root, 'dist', 'fonts', `${name}-OFL.txt`));
}

// The warm-up run that writes the code caches, with the Node flags of the bin's first line.
const scratch = mkdtempSync(join(tmpdir(), 'wenshu-warm-up-'));
const warmUp = spawnSync(
  process.execPath,
  [
    ...nodeFlags(join(root, 'dist', 'cli.js')),
    join(root, 'dist', 'cli.js'),
    'convert',
    join(root, '..', '..', 'examples', 'report.md'),
    '--to',
    'docx,pdf,xlsx',
    '--editions',
    'cn,tw',
    '--jobs',
    '2',
    '--quiet',
    '--out-dir',
    scratch,
  ],
  { env: { ...process.env, WENSHU_CODE_CACHE: 'write' }, encoding: 'utf8' },
);
rmSync(scratch, { recursive: true, force: true });
const caches = ['cli.cjs.cache', 'worker.cjs.cache'];
if (warmUp.status !== 0 || !caches.every((cache) => existsSync(join(root, 'dist', cache)))) {
  throw new Error(`the warm-up conversion that writes the code caches failed:\n${warmUp.stderr}`);
}
