/**
 * Builds the Pagefind search index after Astro has written the site, with Pagefind's Node
 * API. Only pages with a `data-pagefind-body` region (lesson, action-note and event pages)
 * are given to Pagefind, so navigation and list pages are never indexed, also when a content
 * root has no records at all (Pagefind would otherwise index whole pages). Each edition
 * indexes its own output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind' && entry.name !== '_astro') out.push(...htmlFiles(full));
    } else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

/** `lessons/x/index.html` → `/lessons/x/` (Pagefind adds the base path in the browser). */
export function pageUrl(relative: string): string {
  const url = `/${relative.split(path.sep).join('/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'jol-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = Date.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          let pages = 0;
          for (const file of htmlFiles(site)) {
            const content = fs.readFileSync(file, 'utf8');
            if (!content.includes('data-pagefind-body')) continue;
            const added = await index.addHTMLFile({ url: pageUrl(path.relative(site, file)), content });
            if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
            pages++;
          }
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`Search index: ${pages} pages in ${Date.now() - started} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
