/**
 * Worker thread: checks a batch of record files and posts their results back, with a count of
 * the files done every PROGRESS_EVERY files on the way (for the CLI's progress line).
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { hashBytes } from './cache.ts';
import { checkFile, type FileResult } from './check-file.ts';
import type { RecordFile } from './discover.ts';

interface Job {
  files: RecordFile[];
  summaryOnly: boolean[];
  render: boolean;
}

const PROGRESS_EVERY = 50;

const { files, summaryOnly, render } = workerData as Job;
const results: FileResult[] = [];
const hashes: string[] = [];
for (let i = 0; i < files.length; i++) {
  // The bytes are read once here: their hash keys the cache, their text is checked.
  const bytes = files[i]!.bytes ?? fs.readFileSync(files[i]!.abs);
  hashes.push(hashBytes(bytes));
  results.push(await checkFile(files[i]!, bytes, summaryOnly[i], render));
  if ((i + 1) % PROGRESS_EVERY === 0) parentPort!.postMessage({ type: 'progress', done: i + 1 });
}
parentPort!.postMessage({ type: 'done', results, hashes });
