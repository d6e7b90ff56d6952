// Caches the app shell so the client starts offline; the API and the socket are never cached (Dexie holds data).
const CACHE = 'humanchat-shell-v2';

// The shell is index.html plus the hashed files it names: cached at install, before the page is controlled.
async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-cache' });
  const html = await response.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]);
  await cache.put('/', response);
  await cache.addAll([...new Set(assets), '/manifest.webmanifest']);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  // The API, the socket and the signed attachment URLs (private, each valid for minutes) are never cached.
  if (/^\/(api|ws|files|health|metrics|docs)(\/|$)/.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    // Network first for the page (a new deploy shows at once), the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          if (response.ok) void caches.open(CACHE).then((cache) => cache.put('/', copy));
          return response;
        })
        .catch(() => caches.match('/').then((cached) => cached || Response.error())),
    );
    return;
  }
  // Hashed assets never change under their name: cache first, filled on first use.
  event.respondWith(
    caches.match(request).then(
      (cached) =>
        cached ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});

// Web Push (the notifier's payload: {notificationId, kind, title, body, link, conversationId}): shown even when no
// HumanChat tab is open; one notification per id, so a repeat replaces rather than stacks.
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || 'HumanChat', {
      body: data.body || '',
      tag: data.notificationId,
      icon: '/favicon.svg',
      data: { link: data.link || '/' },
    }),
  );
});

// A click opens what it is about (the conversation, the sessions): an open HumanChat tab is focused and taken there,
// else a new one opens on it.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.link) || '/', location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === location.origin);
      if (!open) return self.clients.openWindow(target);
      return open.focus().then((focused) => (focused.url === target ? focused : focused.navigate(target)));
    }),
  );
});
