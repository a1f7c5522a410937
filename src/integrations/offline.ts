/**
 * Offline reading: when the build is done, writes `sw.js` at the site's root, the service
 * worker of `src/offline/service-worker.ts` bundled and minified by esbuild with this build's
 * settings: a version (a hash of the worker and of every file it caches at install, so each
 * build that changes any of them gets a new cache), the base path, the edition's
 * `offlineDays`, and what to cache at install (`offlinePrecache`): the shell pages, the
 * site's CSS, scripts and icons, and the newest 50 lessons (the first 50 of the JSON Feed of
 * the newest lessons, which the build has just written).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { siteConfig } from '../lib/config.ts';

/** How many of the newest lessons are cached at install. */
const NEWEST_LESSONS = 50;
/** Pages of the shell, relative to the base path. */
const SHELL_PAGES = ['', 'lessons/', 'action-notes/', 'search/', 'more/', 'offline/'];
const SHELL_FILES = ['manifest.webmanifest', 'favicon.svg', 'icon.svg', 'icon-192.png'];
const WORKER = fileURLToPath(new URL('../offline/service-worker.ts', import.meta.url));

/** Site-relative paths (with the base path) the service worker caches at install. */
export function offlinePrecache(outDir: string, base: string): string[] {
  const paths = [...SHELL_PAGES, ...SHELL_FILES].filter((p) =>
    fs.existsSync(path.join(outDir, p === '' || p.endsWith('/') ? `${p}index.html` : p)),
  );
  const astroDir = path.join(outDir, '_astro');
  if (fs.existsSync(astroDir))
    for (const f of fs.readdirSync(astroDir).sort())
      if (/\.(css|js)$/.test(f)) paths.push(`_astro/${f}`);
  const feedFile = path.join(outDir, 'feeds/lessons.json');
  if (fs.existsSync(feedFile)) {
    const feed = JSON.parse(fs.readFileSync(feedFile, 'utf8')) as { items: { url: string }[] };
    for (const item of feed.items.slice(0, NEWEST_LESSONS)) {
      const rel = decodeURIComponent(new URL(item.url).pathname).slice(base.length);
      if (fs.existsSync(path.join(outDir, rel, 'index.html'))) paths.push(rel);
    }
  }
  return [...new Set(paths)].map((p) => base + p);
}

/** The file a site-relative path is written to. */
export function outputFile(outDir: string, base: string, sitePath: string): string {
  const rel = sitePath.slice(base.length);
  return path.join(outDir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

export default function offline(): AstroIntegration {
  return {
    name: 'jol-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const config = siteConfig();
        const precache = offlinePrecache(outDir, config.basePath);
        const hash = createHash('sha256').update(fs.readFileSync(WORKER));
        hash.update(JSON.stringify(config.offline));
        for (const p of precache)
          hash.update(p).update(fs.readFileSync(outputFile(outDir, config.basePath, p)));
        const version = hash.digest('hex').slice(0, 12);
        await build({
          entryPoints: [WORKER],
          outfile: path.join(outDir, 'sw.js'),
          bundle: true,
          minify: true,
          format: 'iife',
          target: 'es2022',
          legalComments: 'none',
          logLevel: 'warning',
          define: {
            __JOL_OFFLINE__: JSON.stringify({
              version,
              base: config.basePath,
              precache,
              days: config.offline.days,
            }),
          },
        });
        logger.info(
          `Service worker ${version}: ${precache.length} files cached at install, kept ${config.offline.days} days`,
        );
      },
    },
  };
}
