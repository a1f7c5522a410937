/**
 * A tiny static file server for a built site, as GitHub Pages serves it: folder/ →
 * folder/index.html, 404.html for anything missing, the site under a base path, and text
 * (HTML, CSS, JavaScript, JSON, XML, SVG, feeds, plain text) gzip-compressed when the browser
 * accepts gzip. Everything else — Pagefind's WebAssembly and *.pf_* files, which Pagefind has
 * already gzipped and decompresses itself — is sent as it is on disk.
 *
 * `record()` lists every response from then on with the bytes actually written to the socket
 * (status line, headers and body), so a benchmark counts what the browser downloaded from
 * every thread, Pagefind's web worker included, which a page's DevTools session does not see.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Types compressed on the fly (what GitHub Pages compresses); anything else is sent as is. */
export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|javascript)\b|image\/svg\+xml\b)/.test(
    contentType,
  );
}

/** Whether an Accept-Encoding header allows gzip (`gzip` or `*`, with a non-zero q). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star: boolean | undefined;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part
      .trim()
      .toLowerCase()
      .split(';')
      .map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (coding === 'gzip' || coding === 'x-gzip') return allowed;
    if (coding === '*') star = allowed;
  }
  return star ?? false;
}

/** One response, as sent. */
export interface ServedResponse {
  /** The path asked for (decoded, with the base path), e.g. `/pagefind/index/en_1a2b3c4.pf_index`. */
  path: string;
  status: number;
  contentType: string;
  /** Whether the server compressed the body (Content-Encoding: gzip). */
  gzip: boolean;
  /** Bytes of the body as sent (after compression). */
  bodyBytes: number;
  /** Bytes written to the socket for this response: status line, headers and body. */
  bytes: number;
}

export interface Recording {
  /** The responses finished so far, in the order they finished. */
  readonly responses: readonly ServedResponse[];
  /** Resolves once no request has been in flight for `quietMs` (default 500). */
  idle(quietMs?: number, timeoutMs?: number): Promise<void>;
  /** Stops recording and returns what was recorded. */
  stop(): ServedResponse[];
}

export interface StaticServer {
  /** The site's address: `http://127.0.0.1:PORT` followed by the base path. */
  url: string;
  /** Records every response from now until `stop()`. */
  record(): Recording;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Compress text types when the request accepts gzip (default true, as GitHub Pages does). */
  gzip?: boolean;
}

const running = new Set<StaticServer>();

/** The server of this process that serves `url`, if any (so a benchmark given only an address can count its bytes). */
export function findStaticServer(url: string): StaticServer | undefined {
  return [...running].find(
    (s) => url.startsWith(s.url) || new URL(url).origin === new URL(s.url).origin,
  );
}

export async function serveStatic(
  dir: string,
  basePath = '/',
  options: ServeOptions = {},
): Promise<StaticServer> {
  const gzip = options.gzip ?? true;
  const compressed = new Map<string, { mtimeMs: number; body: Buffer }>();
  const gzipped = (file: string, body: Buffer): Buffer => {
    const { mtimeMs } = fs.statSync(file);
    const hit = compressed.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit.body;
    const out = zlib.gzipSync(body);
    compressed.set(file, { mtimeMs, body: out });
    return out;
  };
  const recordings = new Set<ServedResponse[]>();
  /** Bytes written on each socket when its previous response finished (responses on a socket finish in order). */
  const written = new WeakMap<Socket, number>();
  let inFlight = 0;
  let lastActivity = Date.now();

  const server = http.createServer((req, res) => {
    inFlight++;
    lastActivity = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      rel = url.pathname;
    }
    const asked = rel;
    const socket = req.socket;
    let done = false;
    const finished =
      (status: number, contentType: string, compressedBody: boolean, bodyBytes: number) => () => {
        if (done) return;
        done = true;
        inFlight--;
        lastActivity = Date.now();
        const total = socket.bytesWritten;
        const bytes = total - (written.get(socket) ?? 0);
        written.set(socket, total);
        const entry: ServedResponse = {
          path: asked,
          status,
          contentType,
          gzip: compressedBody,
          bodyBytes,
          bytes,
        };
        for (const r of recordings) r.push(entry);
      };
    const send = (status: number, contentType: string, body: Buffer, file?: string) => {
      const headers: http.OutgoingHttpHeaders = { 'Content-Type': contentType };
      let out = body;
      const compressible = isCompressible(contentType);
      const compress = gzip && compressible && acceptsGzip(req.headers['accept-encoding']);
      if (compress) {
        out = file ? gzipped(file, body) : zlib.gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
      }
      if (gzip && compressible) headers.Vary = 'Accept-Encoding';
      headers['Content-Length'] = out.length;
      const onEnd = finished(status, contentType, compress, out.length);
      res.once('finish', onEnd);
      res.once('close', onEnd);
      res.writeHead(status, headers);
      res.end(out);
    };

    if (!rel.startsWith(basePath)) rel = '/__missing__';
    rel = rel.slice(basePath.length);
    let file = path.join(dir, rel);
    if (!file.startsWith(dir)) file = path.join(dir, '__missing__');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory())
      file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      const notFound = path.join(dir, '404.html');
      send(
        404,
        TYPES['.html']!,
        fs.existsSync(notFound) ? fs.readFileSync(notFound) : Buffer.from('Not found'),
      );
      return;
    }
    send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file), file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const served: StaticServer = {
    url: `http://127.0.0.1:${port}${basePath}`,
    record() {
      const responses: ServedResponse[] = [];
      recordings.add(responses);
      return {
        responses,
        async idle(quietMs = 500, timeoutMs = 30_000) {
          const until = Date.now() + timeoutMs;
          while (inFlight > 0 || Date.now() - lastActivity < quietMs) {
            if (Date.now() > until)
              throw new Error(
                `The server was still busy after ${timeoutMs} ms (${inFlight} requests in flight).`,
              );
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
        },
        stop() {
          recordings.delete(responses);
          return responses;
        },
      };
    },
    close: () =>
      new Promise((resolve) => {
        running.delete(served);
        server.close(() => resolve());
      }),
  };
  running.add(served);
  return served;
}
