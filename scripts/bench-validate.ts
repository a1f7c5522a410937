/**
 * `npm run bench:validate -- [--lessons N] [--runs R]`: generates a deterministic corpus of N
 * lessons (default 10,000) with their events, organisations, action notes and assurance returns,
 * commits it to a new Git repository (a content root is one), then measures the validator as
 * the budgets name it: a whole process, `npm run -s validate [-- FILE]` (npm's own start
 * included) — cold (no cache), warm (nothing changed) and PR mode (one changed file, not
 * committed, warm cache) — and prints the medians of R runs (default 3) beside the budgets, with
 * the machine's load average before and after. Writes the table as JSON to .bench/validate-N.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { machine, measure, runCommand, table, type Row, type Sample } from './lib/bench/measure.ts';
import { generateCorpus } from './lib/corpus/generate.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    lessons: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
  },
});
const lessons = Number(values.lessons);
const runs = Number(values.runs);
if (!Number.isInteger(lessons) || lessons < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench:validate -- [--lessons N] [--runs R]');
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-bench-validate-'));
const root = path.join(work, 'content');
console.log(`Generating ${lessons.toLocaleString('en-GB')} lessons into ${root}…`);
const corpus = generateCorpus(root, { lessons });
const files =
  corpus.lessons + corpus.events + corpus.organisations + corpus.actionNotes + corpus.assurance;
console.log(
  `${files.toLocaleString('en-GB')} files, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB. Measuring ${runs} runs of each…`,
);

// The content root is a Git repository, as in a library's own repository and its CI.
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'core.autocrlf=false', ...args], { cwd: root, stdio: 'ignore' });
git('init', '-q');
git('add', '.');
git(
  '-c',
  'user.name=bench',
  '-c',
  'user.email=bench@example.invalid',
  '-c',
  'commit.gpgsign=false',
  'commit',
  '-q',
  '--no-verify',
  '-m',
  'Generated corpus',
);

/** `npm run -s validate -- <args>` in the project, as a whole process. */
const runValidate = (args: string[], environment: NodeJS.ProcessEnv) =>
  runCommand(
    'npm',
    ['run', '-s', 'validate', ...(args.length ? ['--', ...args] : [])],
    environment,
    PROJECT,
  );
const env = (cacheDir: string) => ({
  JOL_CONTENT_DIR: root,
  JOL_TODAY: '2026-11-23',
  JOL_CACHE_DIR: cacheDir,
});
const check = (s: Sample) => {
  if (s.status !== 0)
    throw new Error(
      `validate exited ${s.status}:\n${s.stdout.slice(-2000)}\n${s.stderr.slice(-2000)}`,
    );
  return s;
};

const loadBefore = os.loadavg();
const cold = measure('cold', runs, (i) =>
  check(runValidate([], env(path.join(work, `cache-cold-${i}`)))),
);
const warmDir = path.join(work, 'cache-warm');
check(runValidate([], env(warmDir)));
const warm = measure('warm', runs, () => check(runValidate([], env(warmDir))));
const lessonDir = path.join(root, 'lessons');
const target = path.join(lessonDir, fs.readdirSync(lessonDir).sort()[0]!);
const original = fs.readFileSync(target, 'utf8');
const pr = measure('pr', runs, (i) => {
  fs.writeFileSync(
    target,
    original.replace('## What', `## What`).concat(`\nEdited in run ${i}.\n`),
  );
  return check(runValidate([target], env(warmDir)));
});
fs.writeFileSync(target, original);
const loadAfter = os.loadavg();

const budgets = { cold: 8, warm: 1.5, pr: 1 };
const rows: Row[] = [
  {
    measure: `cold full validation (${files} files)`,
    value: `${cold.seconds.toFixed(2)} s`,
    budget: `≤ ${budgets.cold} s`,
    ok: cold.seconds <= budgets.cold,
  },
  {
    measure: 'repeat run, nothing changed',
    value: `${warm.seconds.toFixed(2)} s`,
    budget: `≤ ${budgets.warm} s`,
    ok: warm.seconds <= budgets.warm,
  },
  {
    measure: 'PR mode, one changed file (content root in Git)',
    value: `${pr.seconds.toFixed(2)} s`,
    budget: `≤ ${budgets.pr} s`,
    ok: pr.seconds <= budgets.pr,
  },
  {
    measure: 'peak memory, cold',
    value: `${cold.peakMB.toFixed(0)} MB`,
    budget: '',
    ok: undefined,
  },
  {
    measure: 'peak memory, warm',
    value: `${warm.peakMB.toFixed(0)} MB`,
    budget: '',
    ok: undefined,
  },
];
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(
  `\nValidator benchmark — ${lessons.toLocaleString('en-GB')} lessons — ${machine()} — median of ${runs}, each a whole \`npm run -s validate\` process`,
);
console.log(`Load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after\n`);
console.log(table(rows));
const all = [cold, warm, pr].map((m) => ({
  name: m.name,
  seconds: m.runs.map((r) => +r.seconds.toFixed(3)),
  peakMB: m.runs.map((r) => Math.round(r.peakMB)),
}));
fs.mkdirSync(path.join(PROJECT, '.bench'), { recursive: true });
const out = path.join(PROJECT, '.bench', `validate-${lessons}.json`);
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      lessons,
      files,
      bytes: corpus.bytes,
      machine: machine(),
      load: { before: loadBefore, after: loadAfter },
      runs: all,
      rows,
    },
    null,
    2,
  ),
);
console.log(`\nWritten to ${path.relative(PROJECT, out)}`);
fs.rmSync(work, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.ok !== false) ? 0 : 1;
