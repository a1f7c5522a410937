/**
 * `npm run bench:validate -- [--lessons N] [--runs R]`: generates a deterministic corpus of N
 * lessons (default 10,000) with their events, organisations, action notes and assurance returns,
 * then measures the validator as a whole process — cold (no cache), warm (nothing changed) and
 * PR mode (one changed file, warm cache) — and prints the medians of R runs (default 3) beside
 * the budgets. Writes the table as JSON to .bench/validate-N.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, measure, runNode, table, type Row } from './lib/bench/measure.ts';
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

const validate = path.join(PROJECT, 'scripts', 'validate.ts');
const env = (cacheDir: string) => ({
  JOL_CONTENT_DIR: root,
  JOL_TODAY: '2026-11-23',
  JOL_CACHE_DIR: cacheDir,
});
const check = (s: ReturnType<typeof runNode>) => {
  if (s.status !== 0)
    throw new Error(
      `validate exited ${s.status}:\n${s.stdout.slice(-2000)}\n${s.stderr.slice(-2000)}`,
    );
  return s;
};

const cold = measure('cold', runs, (i) =>
  check(runNode([validate], env(path.join(work, `cache-cold-${i}`)), PROJECT)),
);
const warmDir = path.join(work, 'cache-warm');
check(runNode([validate], env(warmDir), PROJECT));
const warm = measure('warm', runs, () => check(runNode([validate], env(warmDir), PROJECT)));
const lessonDir = path.join(root, 'lessons');
const target = path.join(lessonDir, fs.readdirSync(lessonDir).sort()[0]!);
const original = fs.readFileSync(target, 'utf8');
const pr = measure('pr', runs, (i) => {
  fs.writeFileSync(
    target,
    original.replace('## What', `## What`).concat(`\nEdited in run ${i}.\n`),
  );
  return check(runNode([validate, target], env(warmDir), PROJECT));
});
fs.writeFileSync(target, original);

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
    measure: 'PR mode, one changed file',
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
console.log(
  `\nValidator benchmark — ${lessons.toLocaleString('en-GB')} lessons — ${machine()} — median of ${runs}\n`,
);
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
    { lessons, files, bytes: corpus.bytes, machine: machine(), runs: all, rows },
    null,
    2,
  ),
);
console.log(`\nWritten to ${path.relative(PROJECT, out)}`);
fs.rmSync(work, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.ok !== false) ? 0 : 1;
