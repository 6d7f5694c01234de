// Carryover's service worker, served at /sw.js with its VERSION filled in (a hash of itself and of the
// files it keeps, so every release whose files changed installs a new worker).
//
// What it does: keeps the page furniture (CSS, scripts, icons) for offline use, and keeps a copy of the
// client's own pages (Today, Week, History, each worksheet, looking back, questionnaires) as last seen
// online, to show them when there is no connection. Entries made offline are not kept here: they wait
// in IndexedDB, written and sent by /js/offline.js from the page, so a new worker taking over never
// strands them.
'use strict';

const VERSION = '__VERSION__';
const STATIC_CACHE = 'carryover-static-' + VERSION;
// Not versioned: the client's pages outlive an update of the worker.
const PAGES_CACHE = 'carryover-pages';
const FURNITURE = __FURNITURE__;
const OFFLINE_PAGE = '/offline';
const CLIENT_PAGES = /^\/(today|week|history|today\/assignments\/[0-9a-f-]{36}\/(worksheet|reflection)|today\/measures\/[A-Za-z0-9_-]+)$/;

self.addEventListener('install', event => {
  event.waitUntil(caches.open(STATIC_CACHE)
      .then(cache => cache.addAll(FURNITURE.concat([OFFLINE_PAGE])))
      .then(() => self.skipWaiting()));
});

// A new version takes over at once: the files of the old one go, the client's pages and the queue stay.
self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
      .then(keys => Promise.all(keys.filter(key => key.startsWith('carryover-static-') && key !== STATIC_CACHE)
          .map(key => caches.delete(key))))
      .then(() => self.clients.claim()));
});

self.addEventListener('message', event => {
  if (event.data === 'version' && event.ports[0]) {
    event.ports[0].postMessage(VERSION);
  }
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (FURNITURE.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname, {cacheName: STATIC_CACHE})
        .then(kept => kept || fetch(request)));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, url));
  }
});

/** The page from the server, kept if it is one of the client's; the last kept copy when there is no connection. */
function networkFirst(request, url) {
  return fetch(request).then(response => {
    const landed = new URL(response.url || request.url);
    if (response.ok && response.type === 'basic' && CLIENT_PAGES.test(landed.pathname)
        && !landed.searchParams.has('logged')) {
      const copy = response.clone();
      caches.open(PAGES_CACHE).then(cache => cache.put(landed.pathname + landed.search, copy));
    }
    return response;
  }).catch(() => caches.open(PAGES_CACHE)
      .then(cache => cache.match(url.pathname + url.search).then(kept => kept || cache.match(url.pathname, {ignoreSearch: true})))
      .then(kept => kept || caches.match(OFFLINE_PAGE, {cacheName: STATIC_CACHE}))
      .then(kept => kept ? markedAsCopy(kept) : Response.error()));
}

/**
 * The kept page, marked on its html element so the page knows it has no connection even where the
 * browser still says it is online (a signal that carries nothing).
 */
function markedAsCopy(response) {
  return response.text().then(html => new Response(html.replace(/<html([^>]*)>/i, '<html$1 data-carryover-copy="true">'),
      {status: response.status, statusText: response.statusText, headers: response.headers}));
}
