/**
 * Writes a Pagefind index of the given records, in a worker thread of the build.
 *
 * Pagefind's Node API talks to its indexing process through pipes, one message per record;
 * on the build's main thread those messages wait while Astro renders pages, so the index used
 * to finish only when the pages did. Here the worker's own event loop keeps Pagefind busy on
 * the other core. Receives `{ records, outputPath, options }` as workerData (options for
 * Pagefind's `createIndex`) and posts `{ errors, pages }`: `pages` maps each record's address
 * to the id Pagefind gave its page, read back from the fragments written (the id is the
 * fragment's name; the search page uses it to hide a base page that a delta replaces).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../lib/search-records.ts';

interface Job {
  records: SearchRecord[];
  outputPath: string;
  options: pagefind.PagefindServiceConfig;
}

/** Each fragment is gzip of "pagefind_dcd" and JSON that starts with the page's "url". */
const URL_AT_START = /^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/;

function pageIds(outputPath: string): Record<string, string> {
  const dir = path.join(outputPath, 'fragment');
  const pages: Record<string, string> = {};
  // An index of no records (an empty library) has no fragment folder.
  if (!fs.existsSync(dir)) return pages;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8', 0, 4096);
    const url = URL_AT_START.exec(text)?.[1];
    if (!url)
      throw new Error(
        `Pagefind's fragment ${name} does not start with its page's address: the fragment format is not the one this build reads.`,
      );
    pages[JSON.parse(url) as string] = name.slice(0, -'.pf_fragment'.length);
  }
  return pages;
}

async function write({
  records,
  outputPath,
  options,
}: Job): Promise<{ errors: string[]; pages?: Record<string, string> }> {
  const { index, errors } = await pagefind.createIndex(options);
  if (!index) return { errors: [`Pagefind could not start: ${errors.join('; ')}`] };
  const added = await Promise.all(
    records.map((r) => index.addHTMLFile({ url: r.url, content: r.html })),
  );
  const failed = added.flatMap((a, i) => a.errors.map((e) => `${records[i]!.url}: ${e}`));
  if (failed.length > 0)
    return {
      errors: [
        `Pagefind could not index ${failed.length} records: ${failed.slice(0, 5).join('; ')}`,
      ],
    };
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0)
    return { errors: written.errors.map((e) => `Pagefind could not write its index: ${e}`) };
  const pages = pageIds(outputPath);
  const missing = records.filter((r) => !pages[r.url]);
  if (missing.length > 0)
    return {
      errors: [`Pagefind wrote no page for ${missing.length} records, e.g. ${missing[0]!.url}`],
    };
  return { errors: [], pages };
}

try {
  parentPort!.postMessage(await write(workerData as Job));
} catch (error) {
  parentPort!.postMessage({ errors: [error instanceof Error ? error.message : String(error)] });
} finally {
  await pagefind.close();
}
