// The service worker: the site works offline after its first visit. Its files are cached when it
// installs (the list is written by scripts/after-build.mjs); the PDF's faces, when first fetched.
// Only this site's own requests are answered: there are no others.
const CACHE = 'wenshu-__VERSION__';
const FILES = [
  /* __FILES__ */
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('wenshu-') && key !== CACHE && key !== 'wenshu-fonts')
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const fonts = url.pathname.includes('/fonts/');
  event.respondWith(
    caches.match(event.request, { ignoreSearch: true }).then(
      (cached) =>
        cached ??
        fetch(event.request).then((response) => {
          if (fonts && response.ok) {
            const copy = response.clone();
            caches.open('wenshu-fonts').then((cache) => cache.put(event.request, copy));
          }
          return response;
        }),
    ),
  );
});
