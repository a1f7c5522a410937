/**
 * Builds the Pagefind search index with Pagefind's Node API, from the records themselves
 * (src/lib/search-records.ts) rather than from the built pages.
 *
 * Indexing starts when the build starts, as soon as the content root is loaded (the same load
 * the pages wait for: src/lib/content-source.ts), and runs in Pagefind's own process, driven
 * from a worker thread (pagefind-worker.ts), while Astro bundles and renders the pages on the
 * main thread. Only lessons, action notes and events are indexed, never navigation or list
 * pages, and each edition indexes only its own records.
 *
 * The last full index (the base) is kept in Astro's cache dir with a manifest of what it holds.
 * A build whose records are the base's uses it as it is; one with a few records changed
 * indexes only those, into a delta the search page merges in the browser; one with many
 * changed, or none kept, indexes everything and keeps that as the base
 * (src/lib/search-index-plan.ts decides). The indexes are linked into the output when the
 * build is done: the base as pagefind/, a delta as pagefind-delta/.
 *
 * Records are not given a Pagefind sort: Pagefind keeps sorts in the metadata that every first
 * search downloads. The base's folder holds instead a file of its pages' dates
 * (`jol-dates.json`, see src/lib/search-merge.ts), and a delta's manifest the dates of its own
 * pages, which the search page fetches only when the reader orders results by date.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { Worker } from 'node:worker_threads';
import { siteConfig } from '../lib/config.ts';
import { loadSiteContent } from '../lib/content-source.ts';
import {
  type BaseManifest,
  documentHash,
  type IndexPlan,
  choosePlan,
  planIndex,
  shareSearchDelta,
} from '../lib/search-index-plan.ts';
import { DATES_FILE, type DeltaManifest, datesFile } from '../lib/search-merge.ts';
import { type SearchRecord, searchRecords } from '../lib/search-records.ts';
import { libraryFromStored } from '../lib/stored-library.ts';
import { plural } from '../lib/page.ts';

/** How Pagefind is asked to index (the worker's `createIndex` options); part of the index's key. */
const INDEX_OPTIONS = { forceLanguage: 'en' };

/** Pagefind's version is part of the index's key: another Pagefind writes another index. */
const PAGEFIND_VERSION = (
  JSON.parse(
    fs.readFileSync(
      fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))),
      'utf8',
    ),
  ) as { version: string }
).version;
/** What this build writes beside Pagefind's files (a base without its dates file is not reused). */
const OWN_FILES = 'jol-dates.json 1';
const SETTINGS = createHash('sha1')
  .update(PAGEFIND_VERSION)
  .update(JSON.stringify(INDEX_OPTIONS))
  .update(OWN_FILES)
  .digest('hex');

/** The file beside a delta's index that tells the search page which pages to hide and which are the delta's. */
export const DELTA_MANIFEST = 'jol-delta.json';

interface Indexed {
  /** The base index's Pagefind folder. */
  base: string;
  /** The base's pages the delta replaces: their fragments are left out of the output. */
  withheld?: Set<string>;
  /** The delta's Pagefind folder, if this build has one. */
  delta?: string;
  records: number;
  started: number;
  how: string;
}

/** Runs pagefind-worker.ts in a worker thread: its own event loop, free of the page rendering. */
function inWorker(records: SearchRecord[], outputPath: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pagefind-worker.ts', import.meta.url), {
      workerData: { records, outputPath, options: INDEX_OPTIONS },
    });
    let result: { errors: string[]; pages?: Record<string, string> } | undefined;
    worker.once('message', (m: typeof result) => (result = m));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!result)
        reject(
          new Error(
            `The search-index worker stopped (exit code ${code}) before writing the index.`,
          ),
        );
      else if (result.errors.length > 0 || !result.pages)
        reject(new Error(result.errors.join('\n')));
      else resolve(result.pages);
    });
  });
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function buildIndex(
  cacheDir: string,
  logger: AstroIntegrationLogger,
  planned: (plan: IndexPlan) => void,
): Promise<Indexed> {
  const started = Date.now();
  const content = await loadSiteContent(logger);
  const config = siteConfig();
  const records = searchRecords(libraryFromStored(content, config.today));
  const hashed = records.map((r) => ({ url: r.url, hash: documentHash(r.html) }));
  const root = path.join(cacheDir, 'search-index');
  const baseDir = path.join(root, 'base');
  const baseManifest = path.join(baseDir, 'manifest.json');
  const deltaDir = path.join(root, 'delta');
  const plan: IndexPlan = choosePlan(config, () =>
    planIndex(readJson<BaseManifest>(baseManifest), SETTINGS, hashed),
  );
  planned(plan);
  const base = path.join(baseDir, 'pagefind');

  if (plan.kind === 'base')
    return {
      base,
      records: records.length,
      started,
      how: 'unchanged records: the last index, reused',
    };

  if (plan.kind === 'delta') {
    const delta = path.join(deltaDir, 'pagefind');
    const stamp = path.join(deltaDir, 'key.json');
    const describe = `the last full index and a delta of ${plural(plan.changed.length, 'changed record', 'changed records')} (${plan.superseded.length} of its pages hidden)`;
    const withheld = new Set(plan.superseded);
    if (readJson<string>(stamp) === plan.key)
      return {
        base,
        withheld,
        delta,
        records: records.length,
        started,
        how: `${describe}, reused`,
      };
    fs.rmSync(deltaDir, { recursive: true, force: true });
    const wanted = new Set(plan.changed);
    const changed = records.filter((r) => wanted.has(r.url));
    const pages = await inWorker(changed, delta);
    const manifest: DeltaManifest = {
      superseded: plan.superseded,
      added: Object.values(pages).sort(),
      dates: Object.fromEntries(changed.map((r) => [pages[r.url]!, r.date])),
    };
    fs.writeFileSync(path.join(delta, DELTA_MANIFEST), JSON.stringify(manifest));
    fs.writeFileSync(stamp, JSON.stringify(plan.key));
    logger.info(
      `Search index: a delta of ${plural(plan.changed.length, 'record')} written in ${Date.now() - started} ms`,
    );
    return { base, withheld, delta, records: records.length, started, how: describe };
  }

  fs.rmSync(root, { recursive: true, force: true });
  logger.info(`Search index: indexing all ${records.length} records (${plan.reason})`);
  const pages = await inWorker(records, base);
  fs.mkdirSync(base, { recursive: true });
  fs.writeFileSync(
    path.join(base, DATES_FILE),
    JSON.stringify(datesFile(records.map((r) => [pages[r.url]!, r.date]))),
  );
  const manifest: BaseManifest = {
    settings: SETTINGS,
    documents: Object.fromEntries(hashed.map((r) => [r.url, r.hash])),
    pages,
  };
  fs.writeFileSync(baseManifest, JSON.stringify(manifest));
  logger.info(`Search index of ${records.length} records written in ${Date.now() - started} ms`);
  return { base, records: records.length, started, how: 'built alongside the pages' };
}

/**
 * Puts a copy of the index kept in the cache dir into the output: hard links where the two
 * are on one file system (11,000 fragments link in a fraction of the time they copy in), else
 * copies. Nothing writes to the output's files in place, so the cache's copy stays as it was.
 * The fragments of `withheld` pages (page ids) are left out.
 */
function linkTree(from: string, to: string, withheld?: Set<string>): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target, withheld);
    else if (
      entry.name.endsWith('.pf_fragment') &&
      withheld?.has(entry.name.slice(0, -'.pf_fragment'.length))
    )
      continue;
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
        let answer: (hasDelta: boolean) => void = () => undefined;
        shareSearchDelta(new Promise((resolve) => (answer = resolve)));
        indexing = buildIndex(cacheDir, logger, (plan) => answer(plan.kind === 'delta'));
        // Reported when the build is done; until then a failure must not end the build early.
        indexing.catch(() => answer(false));
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { base, withheld, delta, records, started, how } = await (indexing ??
            buildIndex(cacheDir, logger, () => undefined));
          const out = fileURLToPath(dir);
          for (const [from, name] of [
            [base, 'pagefind'],
            [delta, 'pagefind-delta'],
          ] as const) {
            const to = path.join(out, name);
            fs.rmSync(to, { recursive: true, force: true });
            if (from) linkTree(from, to, name === 'pagefind' ? withheld : undefined);
          }
          logger.info(`Search index: ${records} pages in ${Date.now() - started} ms (${how})`);
        } finally {
          indexing = undefined;
        }
      },
    },
  };
}
