/**
 * Writes a Pagefind index of the given records, in a worker thread of the build.
 *
 * Pagefind's Node API talks to its indexing process through pipes, one message per record;
 * on the build's main thread those messages wait while Astro renders pages, so the index used
 * to finish only when the pages did. Here the worker's own event loop keeps Pagefind busy on
 * the other core. Receives `{ records, outputPath, options }` as workerData (options for
 * Pagefind's `createIndex`) and posts `{ errors }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../lib/search-records.ts';

interface Job {
  records: SearchRecord[];
  outputPath: string;
  options: pagefind.PagefindServiceConfig;
}

async function write({ records, outputPath, options }: Job): Promise<string[]> {
  const { index, errors } = await pagefind.createIndex(options);
  if (!index) return [`Pagefind could not start: ${errors.join('; ')}`];
  const added = await Promise.all(records.map((r) => index.addHTMLFile({ url: r.url, content: r.html })));
  const failed = added.flatMap((a, i) => a.errors.map((e) => `${records[i]!.url}: ${e}`));
  if (failed.length > 0) return [`Pagefind could not index ${failed.length} records: ${failed.slice(0, 5).join('; ')}`];
  const written = await index.writeFiles({ outputPath });
  return written.errors.map((e) => `Pagefind could not write its index: ${e}`);
}

try {
  parentPort!.postMessage({ errors: await write(workerData as Job) });
} catch (error) {
  parentPort!.postMessage({ errors: [error instanceof Error ? error.message : String(error)] });
} finally {
  await pagefind.close();
}
