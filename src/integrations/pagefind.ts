/**
 * Builds the Pagefind search index with Pagefind's Node API, from the records themselves
 * (src/lib/search-records.ts) rather than from the built pages.
 *
 * Indexing starts as soon as the build starts — the content layer has loaded the records by
 * then — and runs in Pagefind's own process while Astro bundles and renders the pages, so on
 * a machine with two cores it costs little extra time. The index is written to Astro's cache
 * dir as soon as it is complete and moved into the output when the build is done. When the
 * records are the same as in the last build (same documents, same Pagefind), the index kept
 * in the cache dir is used as it is. Only lessons, action notes and events are indexed, never
 * navigation or list pages, and each edition indexes only its own records.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { siteConfig } from '../lib/config.ts';
import { loadSiteContent } from '../lib/content-source.ts';
import { searchRecords } from '../lib/search-records.ts';
import { libraryFromStored } from '../lib/stored-library.ts';

/** Pagefind's version is part of the index's key: another Pagefind writes another index. */
const PAGEFIND_VERSION = (JSON.parse(fs.readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))), 'utf8')) as { version: string }).version;

interface Indexed {
  dir: string;
  records: number;
  started: number;
  reused: boolean;
}

async function buildIndex(cacheDir: string, logger: AstroIntegrationLogger): Promise<Indexed> {
  const started = Date.now();
  const content = await loadSiteContent(logger);
  const records = searchRecords(libraryFromStored(content, siteConfig().today));
  const hash = createHash('sha1').update(PAGEFIND_VERSION);
  for (const r of records) hash.update('\0').update(r.url).update('\0').update(r.html);
  const key = hash.digest('hex');
  const dir = path.join(cacheDir, 'search-index');
  const stamp = path.join(dir, 'records.sha1');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key) return { dir, records: records.length, started, reused: true };

  fs.rmSync(dir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Sent together: Pagefind works through them while this process goes on with the build.
  const added = await Promise.all(records.map((r) => index.addHTMLFile({ url: r.url, content: r.html })));
  const failed = added.flatMap((a, i) => a.errors.map((e) => `${records[i]!.url}: ${e}`));
  if (failed.length > 0) throw new Error(`Pagefind could not index ${failed.length} records: ${failed.slice(0, 5).join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  fs.writeFileSync(stamp, key);
  return { dir, records: records.length, started, reused: false };
}

export default function pagefindIntegration(): AstroIntegration {
  let indexing: Promise<Indexed> | undefined;
  let cacheDir = '';
  return {
    name: 'jol-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        indexing = buildIndex(cacheDir, logger);
        // Reported when the build is done; until then a failure must not end the build early.
        indexing.catch(() => undefined);
        void indexing.finally(() => pagefind.close()).catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { dir: from, records, started, reused } = await (indexing ?? buildIndex(cacheDir, logger));
          const to = path.join(fileURLToPath(dir), 'pagefind');
          fs.rmSync(to, { recursive: true, force: true });
          fs.cpSync(path.join(from, 'pagefind'), to, { recursive: true });
          logger.info(`Search index: ${records} pages in ${Date.now() - started} ms (${reused ? 'unchanged records: the last index, reused' : 'built alongside the pages'})`);
        } finally {
          indexing = undefined;
          await pagefind.close();
        }
      },
    },
  };
}
