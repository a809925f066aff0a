/*
 * The citizen hub's service worker (scope /m): the hub opens without a network and says so.
 * - a page of the hub: the network first; offline, the last copy of the app shell, or the offline page;
 * - the build's assets (/assets/*, content-hashed): from the cache once fetched;
 * - the API: never cached (personal data stays off the device), except the licence verification
 *   keys, which the verifier also keeps itself.
 */
const SHELL = 'sw-hub-shell-v1';
const ASSETS = 'sw-hub-assets-v1';
const OFFLINE = '/hub-offline.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([OFFLINE, '/m']))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n !== SHELL && n !== ASSETS).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(SHELL).then((cache) => cache.put('/m', copy));
          }
          return response;
        })
        .catch(async () => (await caches.match('/m')) || (await caches.match(OFFLINE)) || Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || /^\/(hub-icon|favicon)/.test(url.pathname)) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(ASSETS).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
