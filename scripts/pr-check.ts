/**
 * The pull-request content check (run by .github/workflows/pull-request.yml): validates the files
 * the pull request adds or changes against the whole repository (the validator's PR mode), prints
 * workflow annotations, appends the report to the job summary, and writes the findings as data
 * (JSON) for the sticky comment, which the comment workflow words itself (report-file.ts).
 *
 * Usage: node scripts/pr-check.ts --base <sha> [--report FILE]
 * Exit 0 no errors, 1 content errors, 2 usage or internal error.
 */
import fs from 'node:fs';
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { loadConfig } from './lib/config/jol-config.ts';
import { contentRoot } from './lib/content-root.ts';
import { changedFiles } from './lib/pr-check/changed-files.ts';
import { prReport } from './lib/pr-check/pr-report.ts';
import { writeReportFile } from './lib/pr-check/report-file.ts';
import { formatAnnotations } from './lib/report/github.ts';
import { counts } from './lib/report/summary.ts';
import { validateContent } from './lib/validate-content.ts';

enableCompileCache();

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, report: { type: 'string' } },
  });
  if (!values.base) {
    process.stderr.write('Usage: node scripts/pr-check.ts --base <sha> [--report FILE]\n');
    return 2;
  }
  const cwd = process.cwd();
  const root = contentRoot();
  const config = loadConfig();
  const files = changedFiles(cwd, values.base, root);
  const result =
    files.length > 0
      ? await validateContent({ root, cwd, paths: files })
      : { diagnostics: [], checked: 0 };
  const annotations = formatAnnotations(result.diagnostics);
  if (annotations) process.stdout.write(`${annotations}\n`);
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
  const repository = process.env.GITHUB_REPOSITORY || config.repository;
  const report = prReport(
    result.diagnostics,
    result.checked,
    { blobBase: `${server}/${repository}/blob/${config.defaultBranch}`, siteUrl: config.siteUrl },
    cwd,
  );
  if (process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, report);
  else process.stdout.write(report);
  if (values.report) writeReportFile(values.report, result);
  return counts(result.diagnostics).errors > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`Internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
