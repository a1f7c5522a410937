/**
 * `npm run import -- lessons.csv [--check]` — brings in lessons exported from another system
 * (`--help` lists the columns, from the schema). Every row is checked in memory; the files are
 * written only when no row has an error, all together: Ctrl-C or a crash leaves the content
 * root as it was (scripts/lib/import/publish-files.ts). --check reports without writing.
 * Exit 0 imported (or all valid with --check), 1 problems in the CSV, 2 usage error,
 * 130 interrupted (nothing written).
 */
import fs from 'node:fs';
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { reportResourcesAtExit } from './lib/bench/measure.ts';
import { contentRoot, displayPath } from './lib/content-root.ts';
import { importLessons } from './lib/import/import-lessons.ts';
import { importHelp } from './lib/import/lesson-columns.ts';
import { PublishInterruptedError } from './lib/import/publish-files.ts';
import { createProgress } from './lib/progress.ts';

enableCompileCache();
reportResourcesAtExit();

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
  if (args.values.help) return (process.stdout.write(importHelp(USAGE)), 0);
  const [csv] = args.positionals;
  if (!csv || args.positionals.length > 1) return (process.stderr.write(USAGE), 2);
  if (!fs.existsSync(csv)) return (process.stderr.write(`No such file: ${csv}\n`), 2);
  const cwd = process.cwd();
  // Progress on stderr, in place, only in a terminal outside CI; cleared before the report.
  const progress = createProgress();
  progress.say(`Reading ${csv}…`);
  // Ctrl-C while checking stops at once (nothing is written then); while writing, it undoes the
  // writing before stopping.
  const interrupt = new AbortController();
  let writing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (writing) return interrupt.abort(signal);
    progress.stop();
    process.stderr.write('Interrupted: nothing was written\n');
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let result;
  try {
    result = await importLessons(csv, contentRoot(), cwd, {
      check: args.values.check,
      onRow: (done, total) => progress.count('Prepared', done, total, 'rows'),
      onChecked: (done, total) => progress.count('Checked', done, total, 'files'),
      onWritten: (done, total) => progress.count('Wrote', done, total, 'files'),
      onWriting: () => (writing = true),
      signal: interrupt.signal,
    });
  } catch (error) {
    if (!(error instanceof PublishInterruptedError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 130;
  } finally {
    progress.stop();
  }
  for (const line of result.recovered) process.stderr.write(`${line}\n`);
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
