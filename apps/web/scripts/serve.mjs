/**
 * Serves the built site (`dist/`) on 127.0.0.1 only: `pnpm web` at the repository's root, or
 * `node scripts/serve.mjs [--port N]`. A static host serves the same files; this one adds the
 * Content-Security-Policy header the page also states in a meta tag.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
const CSP =
  "default-src 'self'; img-src 'self' blob: data:; frame-src 'self' blob:; object-src 'self' blob:; worker-src 'self'; base-uri 'none'; form-action 'none'";

/** Starts the server; resolves with its port (0 asks for a free one). */
export function serve(port = 4173) {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist}/index.html: build the site first (pnpm --filter @wenshu/web build)`);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist + sep) && file !== dist) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, {
      'content-type': type,
      'content-length': statSync(file).size,
      'x-content-type-options': 'nosniff',
      ...(type.startsWith('text/html') ? { 'content-security-policy': CSP } : {}),
      // The service worker and the page are checked for updates; hashed assets may be kept.
      'cache-control': /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePort({ server, port: server.address().port }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--port');
  const { port } = await serve(at > 0 ? Number(process.argv[at + 1]) : Number(process.env.PORT ?? 4173));
  console.log(`wenshu web: http://127.0.0.1:${port}/  (Ctrl-C to stop)`);
}
