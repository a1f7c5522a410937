/**
 * One validation run: discover the records, check each file (from the cache, or in worker
 * threads under a time guard per file), run the repository checks on every record, and collect every problem.
 * With `paths` (PR mode) only those files are linted, but references still resolve against
 * the whole content root.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectionNames, layouts, type CollectionName } from '../../schemas/layout.ts';
import { today } from '../../schemas/today.ts';
import { ValidationCache, hashBytes, validatorFingerprint } from './cache.ts';
import type { FileResult } from './check-file.ts';
import { repositoryChecks } from './checks/repository-checks.ts';
import type { RecordSummary, Repository, Where } from './checks/types.ts';
import { compareDiagnostics, type Diagnostic, type Severity } from './diagnostic.ts';
import { discover, type RecordFile } from './discover.ts';
import { UsageError } from './errors.ts';
import { WarmWorker, checkInWorkers } from './file-pool.ts';
import type { Positions } from './parse-record.ts';

export interface ValidateOptions {
  root: string;
  cwd?: string;
  /** Files or folders to lint (PR mode); all records when absent. */
  paths?: string[];
  cache?: boolean;
  /**
   * Worker threads. Defaults to the number of cores (at most 8) for large runs, and to one
   * (0 means the same) for small ones: every file is checked in a worker under the time guard.
   */
  workers?: number;
  /** Seconds one file may take to be read and checked (file/timeout); 10 by default. */
  fileTimeLimit?: number;
  onProgress?: (message: string) => void;
  /** Called as files are checked (not those served from the cache): done so far, and of how many. */
  onChecked?: (done: number, total: number) => void;
  /** Also render Markdown bodies to the site's HTML (kept in the cache like every result). */
  renderBodies?: boolean;
  /**
   * Records not on disk yet: absolute, normalised path inside the root → bytes. They are checked
   * as if they were written there (never cached), so that a caller can check files before
   * writing them.
   */
  unwritten?: ReadonlyMap<string, Uint8Array>;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  /** Files linted (all records, or the PR-mode selection). */
  checked: number;
  /** Records in the content root. */
  records: number;
  cached: number;
  summaries: RecordSummary[];
  /** Seconds spent in each phase (discover, read, check, repository, cache). */
  phases: Record<string, number>;
  /** Absolute path of each record file, by its display path. */
  files: Map<string, string>;
}

export { UsageError };

/** Runs checking more files than this use every core (up to 8); smaller ones one worker. */
const ONE_WORKER_LIMIT = 200;

/** Whether a path exists, a symbolic link to nothing included (discovery reports it). */
function exists(abs: string): boolean {
  return fs.lstatSync(abs, { throwIfNoEntry: false }) !== undefined;
}

function selectTargets(
  paths: string[],
  files: RecordFile[],
  problems: Diagnostic[],
  root: string,
  cwd: string,
): Set<string> {
  const targets = new Set<string>();
  // A path naming one record is looked up; only folders are matched against every file.
  const byAbs = new Map(files.map((f) => [f.abs, f]));
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const record = byAbs.get(abs);
    if (record) {
      targets.add(record.file);
      continue;
    }
    if (!exists(abs)) throw new UsageError(`No such file or folder: ${p}`);
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel))
      throw new UsageError(`${p} is outside the content root ${root}`);
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
  // A worker is started as soon as one is likely to be needed, so that its start overlaps the
  // discovery and the cache look-ups: at once in PR mode (the changed files are seldom all in
  // the cache) or with unwritten records (never cached), else at the first file the cache cannot
  // serve. A run served wholly from the cache starts none.
  let warm: WarmWorker | undefined;
  const startWorker = () => (warm ??= new WarmWorker(options.renderBodies === true));
  if ((options.paths?.length ?? 0) > 0 || (options.unwritten?.size ?? 0) > 0) startWorker();
  try {
    return await validateWith(options, cwd, root, startWorker, () => warm);
  } finally {
    warm?.close();
  }
}

async function validateWith(
  options: ValidateOptions,
  cwd: string,
  root: string,
  startWorker: () => WarmWorker,
  warmWorker: () => WarmWorker | undefined,
): Promise<ValidateResult> {
  const progress = options.onProgress ?? (() => {});
  const onChecked = options.onChecked ?? (() => {});
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = +((now - mark) / 1000).toFixed(3);
    mark = now;
  };
  const { files, problems } = discover(root, cwd, options.unwritten);
  const targets =
    options.paths && options.paths.length > 0
      ? selectTargets(options.paths, files, problems, root, cwd)
      : undefined;
  const fingerprint = validatorFingerprint(today());
  const cache = options.cache === false ? undefined : new ValidationCache(root, fingerprint);

  const results = new Array<FileResult | undefined>(files.length);
  const pending: number[] = [];
  const hashes: string[] = [];
  let cached = 0;
  const stamps: string[] = [];
  const pend = (i: number) => {
    if (pending.length === 0) startWorker();
    pending.push(i);
  };
  files.forEach((file, i) => {
    if (file.bytes) return pend(i);
    // Like ESLint's cache: size and modification time first, the content hash when they differ.
    const stat = fs.statSync(file.abs);
    stamps[i] = `${stat.size}:${stat.mtimeMs}`;
    let hit = cache?.getByStamp(file.file, stamps[i]);
    // A file the cache has never seen cannot hit: its hash is worked out where it is read and checked.
    if (!hit && cache?.has(file.file)) {
      hashes[i] = hashBytes(fs.readFileSync(file.abs));
      hit = cache.get(file.file, hashes[i]);
      if (hit) cache.set(file.file, hashes[i], stamps[i], hit);
    }
    // A result kept without HTML cannot serve a build that needs it.
    if (
      hit &&
      options.renderBodies &&
      hit.summary.html === undefined &&
      layouts[file.collection].extension === '.md'
    )
      hit = undefined;
    if (hit) {
      results[i] = hit;
      cached++;
    } else pend(i);
  });
  lap('discover and read');
  const summaryOnly = pending.map((i) => targets !== undefined && !targets.has(files[i]!.file));
  const fullCount = summaryOnly.filter((s) => !s).length;
  if (pending.length > 0) {
    progress(
      `Checking ${fullCount} of ${files.length} files${cached ? ` (${cached} unchanged, from the cache)` : ''}…`,
    );
    const workers =
      options.workers ??
      (fullCount > ONE_WORKER_LIMIT ? Math.max(1, Math.min(os.availableParallelism(), 8)) : 1);
    const batch = pending.map((i) => files[i]!);
    const render = options.renderBodies === true;
    // Small runs too go to a worker: only a thread can be stopped when one file overruns.
    const { results: fresh, hashes: freshHashes } = await checkInWorkers(batch, summaryOnly, {
      workers,
      render,
      timeLimit: options.fileTimeLimit,
      onChecked,
      warm: warmWorker(),
    });
    pending.forEach((i, k) => {
      results[i] = fresh[k];
      // A file that timed out or could not be read has no hash: it is checked again next time.
      if (!summaryOnly[k] && cache && !files[i]!.bytes && freshHashes[k])
        cache.set(files[i]!.file, freshHashes[k], stamps[i]!, fresh[k]!);
    });
  }
  lap('check files');
  // A full run keeps the cache; a PR-mode run only reads it (it would rewrite all of it for a few files).
  if (!targets && !options.unwritten?.size) cache?.save(new Set(files.map((f) => f.file)));

  lap('save cache');
  progress(`Checking references, public release and duplicates across ${files.length} records…`);
  // Repository checks over every record.
  const records = Object.fromEntries(
    collectionNames.map((n) => [n, new Map<string, RecordSummary>()]),
  ) as Record<CollectionName, Map<string, RecordSummary>>;
  const diagnostics: Diagnostic[] = [...problems];
  for (const result of results) {
    records[result!.summary.collection].set(result!.summary.id, result!.summary);
    diagnostics.push(...result!.diagnostics);
  }
  const repo: Repository = { records, changed: targets };
  const found: { record: RecordSummary; where: Where; diagnostic: Diagnostic }[] = [];
  for (const check of repositoryChecks) {
    check.run(
      repo,
      (
        record,
        where: Where,
        rule,
        message,
        extra?: { severity?: Severity; target?: RecordSummary },
      ) => {
        const diagnostic: Diagnostic = {
          file: record.file,
          line: where.line ?? 1,
          column: where.column ?? (where.line === 0 ? 0 : 1),
          severity: extra?.severity ?? 'error',
          rule,
          message,
        };
        if (extra?.target) diagnostic.target = extra.target.file;
        found.push({ record, where, diagnostic });
      },
    );
  }
  // Positions are worked out only for the few records a repository check reported on.
  if (found.some((f) => f.where.line === undefined)) {
    const { decodeRecord } = await import('./read-text.ts');
    const { locate, parseRecord } = await import('./parse-record.ts');
    const byFile = new Map(files.map((f) => [f.file, f]));
    const positionCache = new Map<string, Positions>();
    for (const { record, where, diagnostic } of found) {
      if (where.line !== undefined) continue;
      let p = positionCache.get(record.file);
      if (!p) {
        const file = byFile.get(record.file)!;
        const decoded = decodeRecord(file.bytes ?? fs.readFileSync(file.abs));
        p =
          'text' in decoded
            ? parseRecord(
                decoded.text,
                layouts[record.collection].extension === '.md' ? 'markdown' : 'yaml',
              ).positions()
            : { values: {}, keys: {}, spans: {} };
        positionCache.set(record.file, p);
      }
      [diagnostic.line, diagnostic.column] = locate(p, where.path ?? []);
    }
  }
  diagnostics.push(...found.map((f) => f.diagnostic));

  lap('repository checks');
  // Organisation mailboxes are the one kind of email address a record may carry.
  const mailboxes = new Set(
    [...records.organisations.values()]
      .map((o) => String(o.data.mailbox ?? '').toLowerCase())
      .filter(Boolean),
  );
  let kept = diagnostics.filter((d) => !(d.email && mailboxes.has(d.email.toLowerCase())));
  if (targets)
    kept = kept.filter(
      (d) =>
        targets.has(d.file) ||
        (d.target !== undefined && targets.has(d.target)) ||
        d.rule === 'references/missing',
    );
  kept.sort(compareDiagnostics);
  return {
    diagnostics: kept,
    checked: targets ? targets.size : files.length + problems.length,
    records: files.length,
    cached,
    summaries: results.map((r) => r!.summary),
    files: new Map(files.map((f) => [f.file, f.abs])),
    phases,
  };
}
