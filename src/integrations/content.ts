/**
 * Starts loading the content root (validated, rendered, with published dates: see
 * src/lib/content-source.ts) as soon as a build or the dev server starts, so that it runs in
 * the validator's worker threads while Vite bundles the site. Pages get the records through
 * `getLibrary()` (src/lib/site-data.ts), which waits for this same load; an invalid content
 * root fails there with the validator's report.
 *
 * The records do not go through Astro's content layer: at 10,000 lessons its data store is a
 * 48 MB module that Vite bundles and the pages parse again, which cost more build time and
 * memory than everything else the content layer offered this site (the site gives Astro its
 * own cache keys for the incremental build: src/lib/page-keys.ts).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { loadSiteContent } from '../lib/content-source.ts';

function start(logger: AstroIntegrationLogger): void {
  // Failures are reported by the pages that wait for the records, not as an unhandled rejection here.
  loadSiteContent(logger).catch(() => undefined);
}

export default function contentIntegration(): AstroIntegration {
  return {
    name: 'jol-content',
    hooks: {
      'astro:build:start': ({ logger }) => start(logger),
      'astro:server:setup': ({ logger }) => start(logger),
    },
  };
}
