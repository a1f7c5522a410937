/**
 * npm run budget:offline [-- --dir <built site>] — the field budgets of a built site, gzip
 * level 9 as a static host compresses: every lesson page's HTML + CSS + JavaScript (≤ 40 KB,
 * and no script but the layout's menu toggle and offline registration), the menu toggle
 * (≤ 2 KB), the service worker (≤ 10 KB) and what it caches at install before the reader
 * saves anything (≤ 1 MB as stored: the worker keeps entries gzip-compressed). Without --dir it builds the sample content's public
 * edition (the one that caches by default) into .cache/offline-budget/. Exits 1 when a
 * budget is exceeded.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { offlinePrecache, outputFile } from '../src/integrations/offline.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
let dir = args.includes('--dir') ? path.resolve(args[args.indexOf('--dir') + 1] ?? '') : '';
if (!dir) {
  const work = path.join(root, '.cache/offline-budget');
  dir = path.join(work, 'dist');
  console.log('Building the sample content (public edition)…');
  const built = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        JOL_EDITION: 'public',
        JOL_OUT_DIR: dir,
        JOL_CACHE_DIR: path.join(work, 'cache'),
        JOL_BASE_PATH: '/',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    },
  );
  if (built.status !== 0) process.exit(2);
}

const KB = 1024;
const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const asset = (href: string) => path.join(dir, decodeURIComponent(href.replace(/^\/+/, '')));

const failures: string[] = [];
function row(name: string, bytes: number, budget: number) {
  const ok = bytes <= budget;
  if (!ok) failures.push(name);
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(58)} ${kb(bytes).padStart(10)}  ≤ ${kb(budget)}`,
  );
}

// Lesson pages: HTML and every stylesheet and script they link.
const lessonsDir = path.join(dir, 'lessons');
const pages = fs
  .readdirSync(lessonsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(lessonsDir, e.name, 'index.html')))
  .map((e) => path.join(lessonsDir, e.name, 'index.html'));
let largest = { file: '', bytes: 0, html: 0, css: 0, js: 0 };
const scripts = new Set<string>();
for (const file of pages) {
  const html = fs.readFileSync(file, 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const js = [
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!),
    // Modules the scripts import (Astro's shared chunks).
  ];
  for (const s of [...js]) {
    const code = fs.readFileSync(asset(s), 'utf8');
    for (const m of code.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) js.push(`/_astro/${m[1]}`);
  }
  js.forEach((s) => scripts.add(path.basename(s)));
  const sizes = {
    html: gz(file),
    css: css.reduce((n, h) => n + gz(asset(h)), 0),
    js: js.reduce((n, h) => n + gz(asset(h)), 0),
  };
  const bytes = sizes.html + sizes.css + sizes.js;
  if (bytes > largest.bytes) largest = { file, bytes, ...sizes };
}
console.log(`${pages.length} lesson pages; the largest: ${path.relative(dir, largest.file)}`);
console.log(`  HTML ${kb(largest.html)}, CSS ${kb(largest.css)}, JavaScript ${kb(largest.js)}`);
row('largest lesson page, HTML + CSS + JavaScript (gzip)', largest.bytes, 40 * KB);
const allowed = /^(Layout\.astro_astro_type_script_index_\d_lang|offline-choice)\./;
const others = [...scripts].filter((s) => !allowed.test(s));
console.log(`  scripts on lesson pages: ${[...scripts].join(', ')}`);
if (others.length > 0)
  failures.push(`scripts on lesson pages besides the layout's: ${others.join(', ')}`);

const menu = fs
  .readdirSync(path.join(dir, '_astro'))
  .map((f) => path.join(dir, '_astro', f))
  .find(
    (f) =>
      /Layout\.astro_astro_type_script_index_0_lang\./.test(f) &&
      /govuk-js-service-navigation-toggle/.test(fs.readFileSync(f, 'utf8')),
  );
if (!menu) failures.push('menu toggle script not found');
else row('menu toggle script (gzip)', gz(menu), 2 * KB);
row('service worker sw.js (gzip)', gz(path.join(dir, 'sw.js')), 10 * KB);

const precache = offlinePrecache(dir, '/');
// The service worker stores every entry gzip-compressed (CompressionStream, zlib's default
// level); the files' own sizes are what the reader's browser shows them.
const files = precache.map((p) => fs.readFileSync(outputFile(dir, '/', p)));
const raw = files.reduce((n, b) => n + b.length, 0);
const stored = files.reduce((n, b) => n + zlib.gzipSync(b).length, 0);
console.log(`install caches ${precache.length} files, ${kb(raw)} uncompressed`);
row('install caches, as stored (gzip), before the reader saves anything', stored, 1024 * KB);

if (failures.length > 0) {
  console.error(`Over budget: ${failures.join('; ')}`);
  process.exit(1);
}
