/**
 * Builds the site into a temporary folder for a test file, once, and gives helpers to read
 * what came out. Each build has its own output and cache folders, so test files can build in
 * parallel.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures/site');

export interface BuildOptions {
  contentDir: string;
  edition?: 'responders' | 'public';
  today?: string;
  basePath?: string;
  /** Astro's cache folder, to share between builds (incremental builds); a fresh one by default. */
  cacheDir?: string;
  env?: Record<string, string>;
}

export interface BuiltSite {
  dir: string;
  ok: boolean;
  log: string;
  /** Every file of the output, relative paths with forward slashes. */
  files(): string[];
  read(rel: string): string;
  exists(rel: string): boolean;
  cleanup(): void;
}

export function buildSite(options: BuildOptions): BuiltSite {
  // Inside the project (.cache/ is ignored by Git): Astro writes its prerender chunks into
  // the output folder only when that is under the working directory, and into a shared
  // ./.astro/.prerender otherwise, which parallel builds would overwrite.
  const parent = path.join(ROOT, '.cache/site-tests');
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, 'build-'));
  const dir = path.join(tmp, 'dist');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JOL_CONTENT_DIR: options.contentDir,
    JOL_EDITION: options.edition ?? 'responders',
    JOL_OUT_DIR: dir,
    JOL_CACHE_DIR: options.cacheDir ?? path.join(tmp, 'cache'),
    JOL_SITE_URL: 'https://jol.example.org',
    JOL_BASE_PATH: options.basePath ?? '/',
    JOL_REPOSITORY_URL: 'https://github.com/example/jol-library',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  if (options.today) env.JOL_TODAY = options.today;
  else delete env.JOL_TODAY;
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const log = `${result.stdout}\n${result.stderr}`;
  const list = (): string[] => {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.push(path.relative(dir, p).split(path.sep).join('/'));
      }
    };
    if (fs.existsSync(dir)) walk(dir);
    return out.sort();
  };
  let cached: string[] | undefined;
  return {
    dir,
    ok: result.status === 0,
    log,
    files: () => (cached ??= list()),
    read: (rel) => fs.readFileSync(path.join(dir, rel), 'utf8'),
    exists: (rel) => fs.existsSync(path.join(dir, rel)),
    cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }),
  };
}

/** A file's text, gunzipped when it is compressed (Pagefind's index and fragments are). */
export function readDecoded(file: string): string {
  let bytes = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  return bytes.toString('latin1') + '\n' + bytes.toString('utf8');
}

/** The page a route is written to: 'lessons/x/' → 'lessons/x/index.html'. */
export function page(route: string): string {
  const clean = route.replace(/^\/+/, '');
  return clean === '' ? 'index.html' : `${clean.replace(/\/$/, '')}/index.html`;
}
