/** The static server: GitHub Pages' paths, gzip for text only, and bytes counted as written to the socket. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, findStaticServer, serveStatic, type StaticServer } from './static-server.ts';

let dir: string;
let server: StaticServer;
const css = `.govuk-body { margin: 0 0 20px; }\n`.repeat(400);
const chunk = zlib.gzipSync(Buffer.from('pagefind index chunk '.repeat(100)));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-static-'));
  const write = (rel: string, body: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  };
  write('index.html', '<!doctype html><title>Home</title>');
  write('about/index.html', '<!doctype html><title>About</title>');
  write('404.html', '<!doctype html><title>Not here</title>');
  write('site.css', css);
  write('pagefind/index/en_abc1234.pf_index', chunk);
  server = await serveStatic(dir, '/jol/');
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends raw HTTP/1.1 requests one after another on one connection; returns each response's raw bytes. */
async function raw(paths: string[], headers: Record<string, string> = {}): Promise<Buffer[]> {
  const { port } = new URL(server.url);
  const socket = net.connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const out: Buffer[] = [];
  let pending = Buffer.alloc(0);
  const data: Buffer[] = [];
  let wake: (() => void) | undefined;
  socket.on('data', (d: Buffer) => {
    data.push(d);
    wake?.();
  });
  for (const [i, p] of paths.entries()) {
    const last = i === paths.length - 1;
    const extra = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(
      `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: ${last ? 'close' : 'keep-alive'}\r\n\r\n`,
    );
    // Read one whole response: headers, then Content-Length bytes of body.
    for (;;) {
      pending = Buffer.concat([pending, ...data.splice(0)]);
      const end = pending.indexOf('\r\n\r\n');
      if (end >= 0) {
        const length = Number(
          /content-length: *(\d+)/i.exec(pending.subarray(0, end).toString('latin1'))?.[1],
        );
        if (pending.length >= end + 4 + length) {
          out.push(pending.subarray(0, end + 4 + length));
          pending = pending.subarray(end + 4 + length);
          break;
        }
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  socket.destroy();
  return out;
}

const head = (response: Buffer) =>
  response.subarray(0, response.indexOf('\r\n\r\n')).toString('latin1');
const body = (response: Buffer) => response.subarray(response.indexOf('\r\n\r\n') + 4);

describe('serveStatic', () => {
  it('serves folder/ as folder/index.html, 404.html for anything missing, only under the base path', async () => {
    const [home, about, missing, outside] = await Promise.all([
      fetch(server.url),
      fetch(`${server.url}about/`),
      fetch(`${server.url}nothing/`),
      fetch(new URL('/about/', server.url)),
    ]);
    expect(await home.text()).toContain('<title>Home</title>');
    expect(await about.text()).toContain('<title>About</title>');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<title>Not here</title>');
    expect(outside.status).toBe(404);
  });

  it('gzips text when the request accepts gzip, and sends Pagefind files as they are', async () => {
    const [zipped, chunkResponse] = await raw(
      ['/jol/site.css', '/jol/pagefind/index/en_abc1234.pf_index'],
      { 'Accept-Encoding': 'gzip, deflate, br' },
    );
    expect(head(zipped!)).toMatch(/content-encoding: gzip/i);
    expect(head(zipped!)).toMatch(/vary: accept-encoding/i);
    expect(zlib.gunzipSync(body(zipped!)).toString()).toBe(css);
    expect(body(zipped!).length).toBeLessThan(css.length / 10);
    expect(head(chunkResponse!)).not.toMatch(/content-encoding/i);
    expect(head(chunkResponse!)).toMatch(/content-type: application\/octet-stream/i);
    expect(Buffer.compare(body(chunkResponse!), chunk)).toBe(0);

    const [plain] = await raw(['/jol/site.css']);
    expect(head(plain!)).not.toMatch(/content-encoding/i);
    expect(body(plain!).toString()).toBe(css);
    const [refused] = await raw(['/jol/site.css'], { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(head(refused!)).not.toMatch(/content-encoding/i);
  });

  it('records each response with the bytes written to the socket, headers included', async () => {
    const recording = server.record();
    const responses = await raw(
      ['/jol/', '/jol/site.css', '/jol/pagefind/index/en_abc1234.pf_index', '/jol/missing'],
      { 'Accept-Encoding': 'gzip' },
    );
    await recording.idle(50);
    const recorded = recording.stop();
    expect(recorded.map((r) => [r.path, r.status, r.gzip])).toEqual([
      ['/jol/', 200, true],
      ['/jol/site.css', 200, true],
      ['/jol/pagefind/index/en_abc1234.pf_index', 200, false],
      ['/jol/missing', 404, true],
    ]);
    // What the client received on the wire, response by response, is what was recorded.
    expect(recorded.map((r) => r.bytes)).toEqual(responses.map((r) => r.length));
    expect(recorded.map((r) => r.bodyBytes)).toEqual(responses.map((r) => body(r).length));
    expect(recorded[2]!.bodyBytes).toBe(chunk.length);
    // Nothing more is recorded once stopped.
    await fetch(server.url);
    expect(recording.responses).toHaveLength(4);
  });

  it('is found by its address', () => {
    expect(findStaticServer(`${server.url}search/`)).toBe(server);
    expect(findStaticServer('http://127.0.0.1:1/search/')).toBeUndefined();
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding with q values and *', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
