/**
 * One validation run: discover the records, check each file (from the cache, inline or in
 * worker threads), run the repository checks on every record, and collect every problem.
 * With `paths` (PR mode) only those files are linted, but references still resolve against
 * the whole content root.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { collectionNames, type CollectionName } from '../../schemas/collections.ts';
import { today } from '../../schemas/today.ts';
import { ValidationCache, hashBytes, validatorFingerprint } from './cache.ts';
import { checkFile, type FileResult } from './check-file.ts';
import { repositoryChecks } from './checks/index.ts';
import type { RecordSummary, Repository, Where } from './checks/types.ts';
import { compareDiagnostics, type Diagnostic, type Severity } from './diagnostic.ts';
import { discover, type RecordFile } from './discover.ts';
import { locate } from './parse-record.ts';

export interface ValidateOptions {
  root: string;
  cwd?: string;
  /** Files or folders to lint (PR mode); all records when absent. */
  paths?: string[];
  cache?: boolean;
  /** Worker threads; 0 runs inline. Defaults to the number of cores for large runs. */
  workers?: number;
  onProgress?: (message: string) => void;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  /** Files linted (all records, or the PR-mode selection). */
  checked: number;
  /** Records in the content root. */
  records: number;
  cached: number;
  summaries: RecordSummary[];
  /** Absolute path of each record file, by its display path. */
  files: Map<string, string>;
}

export class UsageError extends Error {}

const INLINE_LIMIT = 200;

async function runWorkers(files: RecordFile[], summaryOnly: boolean[], workers: number): Promise<FileResult[]> {
  const chunks = Math.min(workers, Math.ceil(files.length / 50));
  const size = Math.ceil(files.length / chunks);
  const jobs: Promise<FileResult[]>[] = [];
  for (let c = 0; c < chunks; c++) {
    const slice = files.slice(c * size, (c + 1) * size);
    const flags = summaryOnly.slice(c * size, (c + 1) * size);
    jobs.push(
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./file-worker.ts', import.meta.url), { workerData: { files: slice, summaryOnly: flags } });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`validation worker stopped with exit code ${code}`)));
      }),
    );
  }
  return (await Promise.all(jobs)).flat();
}

function selectTargets(paths: string[], files: RecordFile[], problems: Diagnostic[], root: string, cwd: string): Set<string> {
  const targets = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (!fs.existsSync(abs)) throw new UsageError(`No such file or folder: ${p}`);
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${p} is outside the content root ${root}`);
    const prefix = abs + path.sep;
    for (const f of files) if (f.abs === abs || f.abs.startsWith(prefix)) targets.add(f.file);
    for (const d of problems) {
      const dAbs = path.resolve(cwd, d.file);
      if (dAbs === abs || dAbs.startsWith(prefix)) targets.add(d.file);
    }
  }
  return targets;
}

export async function validateContent(options: ValidateOptions): Promise<ValidateResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = path.resolve(cwd, options.root);
  const progress = options.onProgress ?? (() => {});
  const { files, problems } = discover(root, cwd);
  const targets = options.paths && options.paths.length > 0 ? selectTargets(options.paths, files, problems, root, cwd) : undefined;
  const fingerprint = validatorFingerprint(today());
  const cache = options.cache === false ? undefined : new ValidationCache(root, fingerprint);

  const results = new Array<FileResult | undefined>(files.length);
  const pending: number[] = [];
  const hashes: string[] = [];
  let cached = 0;
  files.forEach((file, i) => {
    const bytes = fs.readFileSync(file.abs);
    hashes[i] = hashBytes(bytes);
    const hit = cache?.get(file.file, hashes[i]!);
    if (hit) {
      results[i] = hit;
      cached++;
    } else pending.push(i);
  });
  const summaryOnly = pending.map((i) => targets !== undefined && !targets.has(files[i]!.file));
  const fullCount = summaryOnly.filter((s) => !s).length;
  if (pending.length > 0) {
    progress(`Checking ${fullCount} of ${files.length} files${cached ? ` (${cached} unchanged, from the cache)` : ''}…`);
    const workers = options.workers ?? (fullCount > INLINE_LIMIT ? Math.max(1, Math.min(os.availableParallelism(), 8)) : 0);
    const batch = pending.map((i) => files[i]!);
    const fresh = workers > 0 ? await runWorkers(batch, summaryOnly, workers) : await Promise.all(batch.map(async (f, k) => checkFile(f, fs.readFileSync(f.abs), summaryOnly[k])));
    pending.forEach((i, k) => {
      results[i] = fresh[k];
      if (!summaryOnly[k]) cache?.set(files[i]!.file, hashes[i]!, fresh[k]!);
    });
  }
  cache?.save(new Set(files.map((f) => f.file)));

  // Repository checks over every record.
  const records = Object.fromEntries(collectionNames.map((n) => [n, new Map<string, RecordSummary>()])) as Record<CollectionName, Map<string, RecordSummary>>;
  const diagnostics: Diagnostic[] = [...problems];
  for (const result of results) {
    records[result!.summary.collection].set(result!.summary.id, result!.summary);
    diagnostics.push(...result!.diagnostics);
  }
  const repo: Repository = { records, changed: targets };
  for (const check of repositoryChecks) {
    check.run(repo, (record, where: Where, rule, message, extra?: { severity?: Severity; target?: RecordSummary }) => {
      const [line, column] = where.line !== undefined ? [where.line, where.column ?? 0] : locate({ values: record.values, keys: {} }, where.path ?? []);
      const d: Diagnostic = { file: record.file, line, column, severity: extra?.severity ?? 'error', rule, message };
      if (extra?.target) d.target = extra.target.file;
      diagnostics.push(d);
    });
  }

  // Organisation mailboxes are the one kind of email address a record may carry.
  const mailboxes = new Set([...records.organisations.values()].map((o) => String(o.data.mailbox ?? '').toLowerCase()).filter(Boolean));
  let kept = diagnostics.filter((d) => !(d.email && mailboxes.has(d.email.toLowerCase())));
  if (targets) kept = kept.filter((d) => targets.has(d.file) || (d.target !== undefined && targets.has(d.target)) || d.rule === 'references/missing');
  kept.sort(compareDiagnostics);
  return {
    diagnostics: kept,
    checked: targets ? targets.size : files.length + problems.length,
    records: files.length,
    cached,
    summaries: results.map((r) => r!.summary),
    files: new Map(files.map((f) => [f.file, f.abs])),
  };
}
