/**
 * `npm run bench:import -- [--rows N] [--lessons L] [--runs R]`: generates a content root of L
 * lessons (default 1,000, with their organisations and events) and a valid lesson CSV of N rows
 * (default 100,000), then times `npm run import -- file.csv --check` as a whole process and
 * prints the median of R runs (default 3) beside the budget (100,000 rows in under 60 s), with
 * peak memory. The content root is compared before and after: --check must write nothing.
 * Writes the table as JSON to .bench/import-N.json.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLessonCsv } from './lib/import/generate-csv.ts';
import { machine, measure, runNode, table, type Row } from './lib/bench/measure.ts';
import { generateCorpus } from './lib/corpus/generate.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run bench:import -- [--rows N] [--lessons L] [--runs R]';
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    lessons: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
  },
});
const [rows, lessons, runs] = [values.rows, values.lessons, values.runs].map(Number) as [
  number,
  number,
  number,
];
if (![rows, lessons, runs].every((n) => Number.isInteger(n) && n >= 1)) {
  console.error(USAGE);
  process.exit(2);
}

/** A hash of every path and byte under a folder. */
function treeHash(dir: string): string {
  const hash = createHash('sha1');
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  for (const e of entries.sort(
    (a, b) => a.parentPath.localeCompare(b.parentPath) || a.name.localeCompare(b.name),
  )) {
    const abs = path.join(e.parentPath, e.name);
    hash.update(`${path.relative(dir, abs)}\0`);
    if (e.isFile()) hash.update(fs.readFileSync(abs));
  }
  return hash.digest('hex');
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-bench-import-'));
const root = path.join(work, 'content');
console.log(`Generating ${lessons.toLocaleString('en-GB')} lessons into ${root}…`);
generateCorpus(root, { lessons });
const organisations = fs
  .readdirSync(path.join(root, 'organisations'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
const csv = path.join(work, 'lessons.csv');
fs.writeFileSync(csv, generateLessonCsv({ rows, organisations }));
console.log(
  `${rows.toLocaleString('en-GB')} rows, ${(fs.statSync(csv).size / 1024 / 1024).toFixed(1)} MB. Measuring ${runs} runs of --check…`,
);

const before = treeHash(root);
const check = measure('check', runs, () => {
  const s = runNode(
    [path.join(PROJECT, 'scripts', 'import.ts'), csv, '--check'],
    { JOL_CONTENT_DIR: root, JOL_TODAY: '2026-11-23', JOL_CACHE_DIR: path.join(work, 'cache') },
    PROJECT,
  );
  if (s.status !== 0)
    throw new Error(
      `import exited ${s.status}:\n${s.stdout.slice(-2000)}\n${s.stderr.slice(-2000)}`,
    );
  console.log(`  run: ${s.seconds.toFixed(1)} s, ${s.peakMB.toFixed(0)} MB`);
  return s;
});
const untouched =
  treeHash(root) === before && !fs.readdirSync(work).some((e) => e.startsWith('.jol-import-'));

// The budget: 100,000 rows checked in under 60 s (scaled for more rows; none for fewer, where
// starting the process weighs more than the rows).
const budget = rows >= 100000 ? 60 * (rows / 100000) : undefined;
const results: Row[] = [
  {
    measure: `import --check, ${rows.toLocaleString('en-GB')} rows`,
    value: `${check.seconds.toFixed(1)} s (runs ${check.runs.map((r) => r.seconds.toFixed(1)).join(', ')})`,
    budget: budget === undefined ? '' : `< ${budget.toFixed(0)} s`,
    ok: budget === undefined ? undefined : check.seconds < budget,
  },
  {
    measure: 'rows per second',
    value: Math.round(rows / check.seconds).toLocaleString('en-GB'),
    budget: '',
    ok: undefined,
  },
  { measure: 'peak memory', value: `${check.peakMB.toFixed(0)} MB`, budget: '', ok: undefined },
  {
    measure: 'content root unchanged, nothing beside it',
    value: untouched ? 'yes' : 'NO',
    budget: 'yes',
    ok: untouched,
  },
];
console.log(
  `\nImport benchmark — ${rows.toLocaleString('en-GB')} rows into ${lessons.toLocaleString('en-GB')} lessons — ${machine()} — median of ${runs}\n`,
);
console.log(table(results));
fs.mkdirSync(path.join(PROJECT, '.bench'), { recursive: true });
const out = path.join(PROJECT, '.bench', `import-${rows}.json`);
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      rows,
      lessons,
      machine: machine(),
      seconds: check.runs.map((r) => +r.seconds.toFixed(3)),
      peakMB: check.runs.map((r) => Math.round(r.peakMB)),
      table: results,
    },
    null,
    2,
  ),
);
console.log(`\nWritten to ${path.relative(PROJECT, out)}`);
fs.rmSync(work, { recursive: true, force: true });
process.exitCode = results.every((r) => r.ok !== false) ? 0 : 1;
