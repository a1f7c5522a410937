/**
 * Checks record files in worker threads (file-worker.mjs, then file-worker.ts), each file under a time guard: a file
 * whose reading and checking takes longer than the limit gets a `file/timeout` error, its
 * worker is terminated (a synchronous parse cannot be interrupted any other way) and a new one
 * checks the rest of that worker's files. So one file can never stop a run, whatever it holds.
 *
 * Every run goes through here, small ones too, in one worker: checking "inline" on the calling
 * thread could not be interrupted. The worker reports each file as it finishes it, so the pool
 * knows which file is running and keeps every result finished before a timeout.
 */
import { Worker } from 'node:worker_threads';
import type { FileResult } from './check-file.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { RecordFile } from './discover.ts';

/** Seconds one file may take to be read and checked before it is given up (`file/timeout`). */
export const FILE_TIME_LIMIT = 10;

/** What file-worker.ts posts: ready to check, then each file's result (with its content hash). */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; index: number; result: FileResult; hash: string }
  | { type: 'done' };

/** The files one worker checks, in its workerData or in one message to a worker started early. */
export interface WorkerJob {
  files: RecordFile[];
  summaryOnly: boolean[];
}

const WORKER_URL = new URL('./file-worker.mjs', import.meta.url);

/**
 * A worker started before the files to check are known, so that its start (a thread, the
 * checks' modules, the warm-up check: about 0.3 s of a core) overlaps the caller's discovery
 * and cache look-ups on the other core instead of following them. The pool gives it the first
 * batch; until then it does not keep the process alive, and `close` ends it if it was not
 * needed (every file came from the cache). The time guard is unchanged: it is armed once the
 * worker is both warmed up and given its files.
 */
export class WarmWorker {
  readonly worker: Worker;
  ready = false;
  taken = false;
  /** Set when the worker failed or stopped before it was given files. */
  lost = false;

  constructor(render: boolean) {
    this.worker = new Worker(WORKER_URL, { workerData: { render } });
    this.worker.unref();
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') this.ready = true;
    });
    // Noted, not thrown: the pool then starts a worker of its own, which reports the failure.
    this.worker.on('error', () => (this.lost = true));
    this.worker.on('exit', () => (this.lost = true));
  }

  /** Ends the worker if the pool did not take it. */
  close(): void {
    if (!this.taken) void this.worker.terminate();
  }
}

export interface PoolOptions {
  /** Worker threads to share the files among (at least one is used). */
  workers: number;
  render: boolean;
  /** Seconds one file may take (FILE_TIME_LIMIT by default). */
  timeLimit?: number;
  /** Files checked so far, and of how many. */
  onChecked?: (done: number, total: number) => void;
  /** A worker started early (with the same `render`): it checks the first batch. */
  warm?: WarmWorker;
}

/**
 * Checks `files` (with `summaryOnly` flags, as checkFile takes them) and returns each file's
 * result and content hash, in order. A hash is "" when the result must not be cached (the file
 * timed out or could not be read).
 */
export async function checkInWorkers(
  files: readonly RecordFile[],
  summaryOnly: readonly boolean[],
  options: PoolOptions,
): Promise<{ results: FileResult[]; hashes: string[] }> {
  const results = new Array<FileResult>(files.length);
  const hashes = new Array<string>(files.length);
  const limit = options.timeLimit ?? FILE_TIME_LIMIT;
  let checked = 0;
  const done = () => options.onChecked?.(++checked, files.length);
  const chunks = Math.max(1, Math.min(options.workers, Math.ceil(files.length / 50)));
  const size = Math.ceil(files.length / chunks);

  /** Checks files[from, to) in one worker; after a timeout, the rest in a new one. */
  const run = (from: number, to: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (from >= to) return resolve();
      const job: WorkerJob = {
        files: files.slice(from, to),
        summaryOnly: summaryOnly.slice(from, to),
      };
      const warm = options.warm;
      const early = warm !== undefined && !warm.taken && !warm.lost;
      if (early) warm.taken = true;
      const worker = early
        ? warm.worker
        : new Worker(WORKER_URL, { workerData: { ...job, render: options.render } });
      let next = from;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const settle = (then: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        then();
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          settle(() => {
            const late = next;
            results[late] = timedOut(files[late]!, limit);
            hashes[late] = '';
            done();
            void worker.terminate();
            run(late + 1, to).then(resolve, reject);
          });
        }, limit * 1000);
      };
      worker.on('message', (m: WorkerMessage) => {
        if (settled) return;
        if (m.type === 'ready') return arm();
        if (m.type === 'result') {
          results[from + m.index] = m.result;
          hashes[from + m.index] = m.hash;
          next = from + m.index + 1;
          done();
          return arm();
        }
        settle(resolve);
      });
      worker.once('error', (error: Error) => settle(() => reject(error)));
      worker.once('exit', (code) =>
        settle(() =>
          code === 0 && next === to
            ? resolve()
            : reject(new Error(`validation worker stopped with exit code ${code}`)),
        ),
      );
      if (early) {
        worker.ref();
        worker.postMessage(job);
        // Warmed up already: its files are timed from now.
        if (warm.ready) arm();
      }
    });

  const jobs: Promise<void>[] = [];
  for (let c = 0; c < chunks; c++) jobs.push(run(c * size, Math.min(files.length, (c + 1) * size)));
  await Promise.all(jobs);
  return { results, hashes };
}

function timedOut(record: RecordFile, limit: number): FileResult {
  return uncheckedResult(record, {
    line: 0,
    column: 0,
    rule: 'file/timeout',
    message: `The file took longer than ${limit} s to read, so it was not checked; expected a record that reads in well under a second (shorten it, or simplify its Markdown)`,
  });
}

/** The result of a file that could not be checked (unreadable, or too slow): one error. */
export function uncheckedResult(
  record: RecordFile,
  { line, column, rule, message }: Pick<Diagnostic, 'line' | 'column' | 'rule' | 'message'>,
): FileResult {
  return {
    diagnostics: [{ file: record.file, line, column, severity: 'error', rule, message }],
    summary: {
      file: record.file,
      collection: record.collection,
      id: record.id,
      data: {},
      valid: false,
    },
  };
}
