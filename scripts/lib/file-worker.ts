/** Worker thread: checks a batch of record files and posts their results back. */
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

const { files, summaryOnly, render } = workerData as Job;
const results: FileResult[] = [];
const hashes: string[] = [];
for (let i = 0; i < files.length; i++) {
  // The bytes are read once here: their hash keys the cache, their text is checked.
  const bytes = fs.readFileSync(files[i]!.abs);
  hashes.push(hashBytes(bytes));
  results.push(await checkFile(files[i]!, bytes, summaryOnly[i], render));
}
parentPort!.postMessage({ results, hashes });
