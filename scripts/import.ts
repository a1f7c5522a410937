/**
 * `npm run import -- lessons.csv [--check]` — brings in lessons exported from another system
 * (scripts/lib/import/import-lessons.ts describes the columns). Every row is checked; the files
 * are written only when no row has an error. --check reports without writing.
 * Exit 0 imported (or all valid with --check), 1 problems in the CSV, 2 usage error.
 */
import fs from 'node:fs';
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { contentRoot, displayPath } from './lib/content-root.ts';
import { importLessons } from './lib/import/import-lessons.ts';
import { createProgress } from './lib/progress.ts';

enableCompileCache();

const USAGE = 'Usage: npm run import -- <file.csv> [--check]\n';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) return (process.stdout.write(USAGE), 0);
  const [csv] = args.positionals;
  if (!csv || args.positionals.length > 1) return (process.stderr.write(USAGE), 2);
  if (!fs.existsSync(csv)) return (process.stderr.write(`No such file: ${csv}\n`), 2);
  const cwd = process.cwd();
  // Progress on stderr, in place, only in a terminal outside CI; cleared before the report.
  const progress = createProgress();
  progress.say(`Reading ${csv}…`);
  let result;
  try {
    result = await importLessons(csv, contentRoot(), cwd, {
      check: args.values.check,
      onRow: (done, total) => progress.count('Prepared', done, total, 'rows'),
      onChecked: (done, total) => progress.count('Checked', done, total, 'files'),
    });
  } finally {
    progress.stop();
  }
  for (const p of result.problems)
    process.stdout.write(
      `${csv}:${p.line}:${p.column}  ${p.severity}  ${p.message}  (${p.rule})\n`,
    );
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    process.stdout.write(
      `✖ ${errors} error${errors === 1 ? '' : 's'} in ${result.rows} row${result.rows === 1 ? '' : 's'}: nothing was written\n`,
    );
    return 1;
  }
  if (args.values.check)
    process.stdout.write(
      `✔ ${result.rows} row${result.rows === 1 ? '' : 's'} valid (--check: nothing written)\n`,
    );
  else {
    for (const f of result.written) process.stdout.write(`✔ Wrote ${displayPath(f, cwd)}\n`);
    process.stdout.write(
      `✔ Imported ${result.written.length} lesson${result.written.length === 1 ? '' : 's'}\n`,
    );
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`Internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
