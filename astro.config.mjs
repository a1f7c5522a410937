// @ts-check
/**
 * The JOL Library site. Settings come from the environment (see src/lib/config.ts):
 * JOL_SITE_URL (origin used in feeds and the sitemap), JOL_BASE_PATH (e.g. /jol-library/ on
 * GitHub Pages), JOL_REPOSITORY_URL, JOL_EDITION, JOL_CONTENT_DIR, JOL_TODAY.
 * JOL_OUT_DIR and JOL_CACHE_DIR let tests build several sites side by side.
 *
 * Incremental build: pages give Astro a cache key (src/lib/page-keys.ts) and an unchanged page
 * is copied from the cache dir instead of being rendered again. Keep the cache dir between
 * builds (CI caches it); JOL_INCREMENTAL=off renders every page.
 */
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import content from './src/integrations/content.ts';
import offline from './src/integrations/offline.ts';
import pagefind from './src/integrations/pagefind.ts';
import { siteConfig } from './src/lib/config.ts';

// No outside calls: the npm scripts, workflows and .ci/run already turn Astro's telemetry off;
// this covers an `npx astro build` typed by hand.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const config = siteConfig();

export default defineConfig({
  site: config.siteUrl,
  base: config.basePath,
  outDir: process.env.JOL_OUT_DIR || './dist',
  // One cache per edition: each keeps its own incremental-build cache and search index.
  cacheDir: `${process.env.JOL_CACHE_DIR || './node_modules/.astro'}/${config.edition}`,
  trailingSlash: 'always',
  compressHTML: true,
  devToolbar: { enabled: false },
  // Eight pages at a time: a page waiting on the disk (written, or copied from the incremental
  // cache) no longer holds up the next one. At 10,000 lessons on two cores, one pair of runs:
  // a cold build 88 s -> 69 s, a rebuild with nothing changed 39 s -> 27 s. Astro's progress
  // lines run together when pages finish out of order; the output is the same.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  markdown: { syntaxHighlight: false },
  server: { host: '127.0.0.1' },
  experimental: { incrementalBuild: process.env.JOL_INCREMENTAL !== 'off' },
  integrations: [mdx(), content(), pagefind(), offline()],
  vite: {
    // Never inline scripts or assets as data: URLs: the Content-Security-Policy allows only files.
    build: { assetsInlineLimit: 0, cssMinify: 'esbuild' },
    css: {
      preprocessorOptions: {
        scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
      },
    },
  },
});
