/**
 * The service worker for offline reading, bundled by `integrations/offline.ts` into `sw.js` at
 * the site's root with this build's settings (`__JOL_OFFLINE__`). It exists in a reader's
 * browser only while offline reading is on (`scripts/offline.ts` registers it, or removes it
 * and its caches).
 *
 * - `jol-shell-<version>`: one per build, filled at install with the shell (home, lists,
 *   search, offline settings), the site's CSS, scripts and icons and the newest 50 lessons;
 *   the search index files are added as they are fetched. Older builds' caches are deleted
 *   when this one activates.
 * - `jol-pages`: every page the reader opened and every page they saved, across builds.
 *
 * Pages and search files are fetched from the network first, so a new build's page replaces
 * the kept one on the next visit online; the cache answers only when the network does not.
 * Files under `_astro/` carry a content hash and come from the cache first. Every entry is
 * stored gzip-compressed, stamped with the time, and deleted once older than the edition's
 * `offlineDays`.
 */

interface OfflineSettings {
  version: string;
  /** The site's base path, e.g. `/` or `/jol-library/`. */
  base: string;
  /** Site-relative paths (with the base path) cached at install. */
  precache: string[];
  days: number;
}
declare const __JOL_OFFLINE__: OfflineSettings;

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface WorkerClient {
  url: string;
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(o: { includeUncontrolled: boolean; type: 'window' }): Promise<WorkerClient[]>;
  };
  location: Location;
  addEventListener(type: 'install' | 'activate', f: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', f: (e: FetchEvent) => void): void;
}

const settings = __JOL_OFFLINE__;
const scope = self as unknown as WorkerScope;
const SHELL = `jol-shell-${settings.version}`;
const PAGES = 'jol-pages';
/** The header holding when an entry was stored (milliseconds since 1970). */
const STORED = 'x-jol-stored';
const MAX_AGE = settings.days * 24 * 60 * 60 * 1000;

/** The header marking an entry stored gzip-compressed (CompressionStream), as every entry
 * this worker stores is: a phone keeps about a quarter of the bytes. */
const PACKED = 'x-jol-gzip';

/** A copy of a response that can be kept: compressed, stamped with the time, no longer
 * "redirected". */
async function stamped(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(STORED, String(Date.now()));
  headers.delete('content-length');
  headers.delete('content-encoding');
  let body: Blob | null = null;
  if (response.body) {
    headers.set(PACKED, '1');
    body = await new Response(response.body.pipeThrough(new CompressionStream('gzip'))).blob();
  }
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** A kept entry as the page should see it: decompressed, without the worker's own headers. */
function unpacked(response: Response | undefined): Response | undefined {
  if (!response?.body || !response.headers.get(PACKED)) return response;
  const headers = new Headers(response.headers);
  headers.delete(PACKED);
  headers.delete(STORED);
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip')), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function keep(cacheName: string, request: Request | string, response: Response) {
  if (!response.ok || response.type !== 'basic') return;
  // A worker of an older build, still finishing a fetch, must not bring back its deleted cache.
  if (cacheName !== PAGES && !(await caches.has(cacheName))) return;
  const cache = await caches.open(cacheName);
  await cache.put(request, await stamped(response));
}

/** Deletes every entry stored more than `days` ago, in every cache of the site. */
async function expire() {
  const now = Date.now();
  for (const name of await caches.keys()) {
    if (!name.startsWith('jol-')) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const stored = Number(response?.headers.get(STORED) ?? 0);
      if (now - stored > MAX_AGE) await cache.delete(request);
    }
  }
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await Promise.all(
        settings.precache.map(async (path) => {
          const response = await fetch(path, { cache: 'no-cache' });
          if (response.ok) await cache.put(path, await stamped(response));
        }),
      );
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('jol-') && name !== SHELL && name !== PAGES) await caches.delete(name);
      await expire();
      // The pages open while this worker installed were fetched before it: keep them too.
      for (const client of await scope.clients.matchAll({
        includeUncontrolled: true,
        type: 'window',
      })) {
        const url = new URL(client.url);
        url.hash = '';
        if (url.origin === scope.location.origin)
          await keep(PAGES, url.href, await fetch(url.href).catch(() => Response.error()));
      }
      await scope.clients.claim();
    })(),
  );
});

let lastExpired = Date.now();

async function fromCache(request: Request): Promise<Response | undefined> {
  return unpacked(
    (await caches.match(request)) ??
      // Pagefind asks for its entry file with a time in the query.
      (await caches.match(request, { ignoreSearch: true })),
  );
}

async function networkFirst(request: Request, cacheName: string): Promise<Response> {
  try {
    const response = await fetch(request);
    await keep(cacheName, request, response.clone());
    return response;
  } catch (error) {
    const cached = await fromCache(request);
    if (cached) return cached;
    if (request.mode === 'navigate') {
      const offline = unpacked(await caches.match(`${settings.base}offline/`));
      if (offline) return offline;
    }
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = unpacked(await caches.match(request));
  if (cached) return cached;
  const response = await fetch(request);
  await keep(SHELL, request, response.clone());
  return response;
}

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.location.origin) return;
  if (!url.pathname.startsWith(settings.base)) return;
  if (Date.now() - lastExpired > 60 * 60 * 1000) {
    lastExpired = Date.now();
    event.waitUntil(expire());
  }
  if (url.pathname.startsWith(`${settings.base}_astro/`)) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, PAGES));
  } else {
    event.respondWith(networkFirst(request, SHELL));
  }
});
