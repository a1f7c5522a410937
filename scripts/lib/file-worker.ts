/**
 * Worker thread: checks a batch of record files, posting "ready" once loaded and then each
 * file's result as soon as it is done, so that the pool (file-pool.ts) knows which file is
 * running, counts progress and keeps every finished result if it has to stop this thread.
 *
 * The batch comes in workerData, or, for a worker started before the files were known (see
 * `WarmWorker` in file-pool.ts), in one "job" message. The thread starts at file-worker.mjs,
 * which turns on the module compile cache before this module and the checks are loaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hashBytes } from './cache.ts';
import { checkFile } from './check-file.ts';
import type { RecordFile } from './discover.ts';
import { uncheckedResult, type WorkerJob, type WorkerMessage } from './file-pool.ts';
import { readRecordBytes } from './read-text.ts';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const { render } = workerData as { render: boolean };
// A first check of a tiny record, before "ready": the time guard then measures each file, not
// the thread's start (compiling the schemas and the Markdown parser on first use).
await checkFile(
  { abs: '', file: '(warm-up)', collection: 'lessons', id: '2020-01-01-warm-up' },
  new TextEncoder().encode(
    '---\nkind: lesson-identified\ntitle: Warm up\n---\n\n## What happened\n\n*A* [b](c) | d\n',
  ),
  false,
  render,
);
post({ type: 'ready' });
const job: WorkerJob =
  (workerData as Partial<WorkerJob>).files !== undefined
    ? (workerData as WorkerJob)
    : await new Promise<WorkerJob>((resolve) => parentPort!.once('message', resolve));
const { files, summaryOnly } = job;
for (let i = 0; i < files.length; i++) {
  const record: RecordFile = files[i]!;
  // The bytes are read once here (only from a regular file): their hash keys the cache, their
  // text is checked.
  const read = record.bytes ? { bytes: record.bytes } : readRecordBytes(record.abs);
  if ('problem' in read) {
    const result = uncheckedResult(record, read.problem);
    post({ type: 'result', index: i, result, hash: '' });
    continue;
  }
  const result = await checkFile(record, read.bytes, summaryOnly[i], render);
  post({ type: 'result', index: i, result, hash: hashBytes(read.bytes) });
}
post({ type: 'done' });
