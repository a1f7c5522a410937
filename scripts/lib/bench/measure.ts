/**
 * Measures a command as a whole process: wall time, and peak memory as the process reports it
 * (resident set, worker threads included) through JOL_REPORT_RESOURCES. Runs it several times
 * and reports the median, because a shared machine is noisy.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Sample {
  seconds: number;
  peakMB: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface Measurement {
  name: string;
  runs: Sample[];
  seconds: number;
  peakMB: number;
}

const NODE = process.execPath;

/** Runs `node <args>` once and returns its wall time and self-reported peak RSS. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, cwd: string): Sample {
  return runCommand(NODE, args, env, cwd);
}

/**
 * Runs a command once (`npm run -s validate -- …` too: the whole process, npm's start
 * included) and returns its wall time and the peak RSS that the project's script reports.
 */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Sample {
  const report = path.join(os.tmpdir(), `jol-resources-${process.pid}-${Date.now()}.json`);
  const started = process.hrtime.bigint();
  const child = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env, JOL_REPORT_RESOURCES: report },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMB = NaN;
  try {
    peakMB = (JSON.parse(fs.readFileSync(report, 'utf8')) as { maxRSS: number }).maxRSS / 1024;
    fs.rmSync(report);
  } catch {
    // The command did not report (it failed before the end); peak memory stays unknown.
  }
  return { seconds, peakMB, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Repeats a measurement (each run may have its own set-up) and keeps the median. */
export function measure(name: string, times: number, once: (run: number) => Sample): Measurement {
  const runs: Sample[] = [];
  for (let i = 0; i < times; i++) runs.push(once(i));
  return {
    name,
    runs,
    seconds: median(runs.map((r) => r.seconds)),
    peakMB: median(runs.map((r) => r.peakMB)),
  };
}

export interface Row {
  measure: string;
  value: string;
  budget: string;
  ok: boolean | undefined;
}

export function table(rows: Row[]): string {
  const head = ['measure', 'median', 'budget', 'result'];
  const cells = rows.map((r) => [
    r.measure,
    r.value,
    r.budget,
    r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function machine(): string {
  return `${os.availableParallelism()} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

/** At exit, writes this process's peak resident memory where JOL_REPORT_RESOURCES says. */
export function reportResourcesAtExit(): void {
  const target = process.env.JOL_REPORT_RESOURCES;
  if (!target) return;
  process.once('exit', () => {
    fs.writeFileSync(target, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));
  });
}

/**
 * When a build's search index (or only its delta of changed records) was written, in seconds
 * from the build's start, read from the build's log; when the last index was reused, when it
 * was in the output. NaN when the log says neither.
 */
export function indexSeconds(log: string): number {
  const m =
    /Search index(?: of \d+ records|: a delta of \d+ records?) written in (?<ms>\d+) ms/.exec(
      log,
    ) ?? /Search index: \d+ pages in (?<ms>\d+) ms/.exec(log);
  return m ? Number(m.groups!.ms) / 1000 : NaN;
}

/**
 * How long the build's read of the content's Git history took, in seconds, and whether HEAD's
 * history came from the cache (a rebuild without a new commit), from the line
 * src/lib/content-source.ts logs. NaN when the log has none (history not available).
 */
export function historySeconds(log: string): { seconds: number; cached: boolean } {
  const m = /Git history of the content read in (?<ms>\d+) ms \((?<how>[^;)]*)/.exec(log);
  if (!m) return { seconds: NaN, cached: false };
  return { seconds: Number(m.groups!.ms) / 1000, cached: m.groups!.how!.includes('cache') };
}
