/**
 * After `vite build`: the PDF's fallback faces (the ten the command ships, SC and TC, from the
 * packages the PDF exporter depends on) and their licence go to `dist/fonts/`, and the service worker is written with
 * the list of the site's files, so the page works offline after its first visit. The faces are not
 * on that list: they are fetched when the first PDF is made, and kept by the service worker then.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const fromPdf = createRequire(join(root, 'node_modules/@wenshu/export-pdf/package.json'));

const FONT_PACKAGES = [
  ['noto-serif-sc', 'NotoSerifSC', ['400Regular', '700Bold']],
  ['noto-sans-sc', 'NotoSansSC', ['300Light', '400Regular', '700Bold']],
  ['noto-serif-tc', 'NotoSerifTC', ['400Regular', '700Bold']],
  ['noto-sans-tc', 'NotoSansTC', ['300Light', '400Regular', '700Bold']],
];
mkdirSync(join(dist, 'fonts'), { recursive: true });
for (const [pkg, name, weights] of FONT_PACKAGES) {
  const folder = dirname(fromPdf.resolve(`@expo-google-fonts/${pkg}/package.json`));
  for (const weight of weights) {
    cpSync(join(folder, weight, `${name}_${weight}.ttf`), join(dist, 'fonts', `${name}_${weight}.ttf`));
  }
  cpSync(join(folder, 'LICENSE_FONT'), join(dist, 'fonts', `${name}-OFL.txt`));
}

// The LGPL module's licence beside the file of its own the build gives it (vite.config.ts).
const fromMath = createRequire(join(root, 'node_modules/@wenshu/export-pdf/node_modules/@wenshu/math/package.json'));
mkdirSync(join(dist, 'licenses'), { recursive: true });
cpSync(
  join(dirname(fromMath.resolve('mathml2omml/package.json')), 'LICENSE'),
  join(dist, 'licenses', 'mathml2omml-LICENSE.txt'),
);
if (!readdirSync(join(dist, 'assets')).some((name) => name.startsWith('lgpl-mathml2omml-')))
  throw new Error('dist/assets/lgpl-mathml2omml-*.js: the LGPL module is not in a file of its own');

function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const site = files(dist)
  .map((path) => relative(dist, path).split('\\').join('/'))
  .filter((path) => !path.startsWith('fonts/') && path !== 'sw.js')
  .sort();
const version = createHash('sha256');
for (const path of site) version.update(path).update(readFileSync(join(dist, path)));
const template = readFileSync(join(root, 'src', 'sw.js'), 'utf8');
const LIST = /\[\s*\/\* __FILES__ \*\/\s*\]/;
// A service worker with an empty list would keep nothing: fail the build instead.
if (!LIST.test(template) || !template.includes('__VERSION__'))
  throw new Error('src/sw.js: the __FILES__ or __VERSION__ mark is gone');
writeFileSync(
  join(dist, 'sw.js'),
  template
    .replace('__VERSION__', version.digest('hex').slice(0, 16))
    .replace(LIST, JSON.stringify(['./', ...site.map((path) => `./${path}`)])),
);
console.log(`dist: ${site.length} files precached by sw.js; fonts in dist/fonts`);
