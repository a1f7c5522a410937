/**
 * Builds the Pagefind search index with Pagefind's Node API, from the records themselves
 * (src/lib/search-records.ts) rather than from the built pages.
 *
 * Indexing starts when the build starts, as soon as the content root is loaded (the same load
 * the pages wait for: src/lib/content-source.ts), and runs in Pagefind's own process, driven
 * from a worker thread (pagefind-worker.ts), while Astro bundles and renders the pages on the
 * main thread. The index is written to Astro's cache dir as soon as it is complete and linked
 * into the output when the build is done. When the
 * records are the same as in the last build (same documents, same Pagefind), the index kept
 * in the cache dir is used as it is. Only lessons, action notes and events are indexed, never
 * navigation or list pages, and each edition indexes only its own records.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { Worker } from 'node:worker_threads';
import { siteConfig } from '../lib/config.ts';
import { loadSiteContent } from '../lib/content-source.ts';
import { type SearchRecord, searchRecords } from '../lib/search-records.ts';
import { libraryFromStored } from '../lib/stored-library.ts';

/** How Pagefind is asked to index (the worker's `createIndex` options); part of the index's key. */
const INDEX_OPTIONS = { forceLanguage: 'en' };

/** Pagefind's version is part of the index's key: another Pagefind writes another index. */
const PAGEFIND_VERSION = (JSON.parse(fs.readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))), 'utf8')) as { version: string }).version;

interface Indexed {
  dir: string;
  records: number;
  started: number;
  reused: boolean;
}

/** Runs pagefind-worker.ts in a worker thread: its own event loop, free of the page rendering. */
function inWorker(records: SearchRecord[], outputPath: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pagefind-worker.ts', import.meta.url), { workerData: { records, outputPath, options: INDEX_OPTIONS } });
    let result: string[] | undefined;
    worker.once('message', (m: { errors: string[] }) => (result = m.errors));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`The search-index worker stopped (exit code ${code}) before writing the index.`))));
  });
}

async function buildIndex(cacheDir: string, logger: AstroIntegrationLogger): Promise<Indexed> {
  const started = Date.now();
  const content = await loadSiteContent(logger);
  const records = searchRecords(libraryFromStored(content, siteConfig().today));
  const hash = createHash('sha1').update(PAGEFIND_VERSION).update(JSON.stringify(INDEX_OPTIONS));
  for (const r of records) hash.update('\0').update(r.url).update('\0').update(r.html);
  const key = hash.digest('hex');
  const dir = path.join(cacheDir, 'search-index');
  const stamp = path.join(dir, 'records.sha1');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key) return { dir, records: records.length, started, reused: true };

  fs.rmSync(dir, { recursive: true, force: true });
  const errors = await inWorker(records, path.join(dir, 'pagefind'));
  if (errors.length > 0) throw new Error(errors.join('\n'));
  logger.info(`Search index of ${records.length} records written in ${Date.now() - started} ms`);
  fs.writeFileSync(stamp, key);
  return { dir, records: records.length, started, reused: false };
}

/**
 * Puts a copy of the index kept in the cache dir into the output: hard links where the two
 * are on one file system (11,000 fragments link in a fraction of the time they copy in), else
 * copies. Nothing writes to the output's files in place, so the cache's copy stays as it was.
 */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        fs.linkSync(source, target);
      } catch {
        fs.copyFileSync(source, target);
      }
    }
  }
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
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { dir: from, records, started, reused } = await (indexing ?? buildIndex(cacheDir, logger));
          const to = path.join(fileURLToPath(dir), 'pagefind');
          fs.rmSync(to, { recursive: true, force: true });
          linkTree(path.join(from, 'pagefind'), to);
          logger.info(`Search index: ${records} pages in ${Date.now() - started} ms (${reused ? 'unchanged records: the last index, reused' : 'built alongside the pages'})`);
        } finally {
          indexing = undefined;
        }
      },
    },
  };
}
