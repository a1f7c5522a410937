/** Worker thread: checks a batch of record files and posts their results back. */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileResult } from './check-file.ts';
import type { RecordFile } from './discover.ts';

interface Job {
  files: RecordFile[];
  summaryOnly: boolean[];
  render: boolean;
}

const { files, summaryOnly, render } = workerData as Job;
const results: FileResult[] = [];
for (let i = 0; i < files.length; i++) {
  results.push(await checkFile(files[i]!, fs.readFileSync(files[i]!.abs), summaryOnly[i], render));
}
parentPort!.postMessage(results);
