/**
 * Posts or updates the one sticky content-check comment on a pull request (run by
 * .github/workflows/pull-request-comment.yml on workflow_run, which has write access but never runs
 * the pull request's code). The pull request number and the report come from the check run's
 * artifact, which the pull request's author could have shaped, so: the number must be an integer,
 * the pull request's head commit must be the one the check ran on (HEAD_SHA, from the event), and
 * the artifact carries findings as data, not text: they must pass a strict schema (known rule
 * ids, bounded sizes), and this script words the comment itself, escaping every value that came
 * from content (no markup, links or @mentions: report/markdown-text.ts).
 *
 * Usage: node scripts/pr-comment.ts <artifact-dir>   (files: pr-number, report.json)
 */
import fs from 'node:fs';
import path from 'node:path';
import { clientFromEnv, describeApiError, repoOf } from './lib/github/client.ts';
import { upsertComment } from './lib/github/sticky-comment.ts';
import { loadConfig } from './lib/config/jol-config.ts';
import { prReport } from './lib/pr-check/pr-report.ts';
import { readReportFile } from './lib/pr-check/report-file.ts';

const MAX_COMMENT = 60_000;

async function main(): Promise<number> {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('Usage: node scripts/pr-comment.ts <artifact-dir>\n');
    return 2;
  }
  const rawNumber = fs.readFileSync(path.join(dir, 'pr-number'), 'utf8').trim();
  if (!/^[1-9]\d{0,8}$/.test(rawNumber)) {
    process.stderr.write(
      `pr-number must be a positive integer, found "${rawNumber.slice(0, 40)}"\n`,
    );
    return 2;
  }
  const headSha = process.env.HEAD_SHA ?? '';
  if (!/^[0-9a-f]{40}$/.test(headSha)) {
    process.stderr.write('HEAD_SHA must be the 40-character commit the check ran on\n');
    return 2;
  }
  let findings;
  try {
    findings = readReportFile(path.join(dir, 'report.json'));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
  const repository = process.env.GITHUB_REPOSITORY || config.repository;
  let body = prReport(
    findings.diagnostics,
    findings.checked,
    { blobBase: `${server}/${repository}/blob/${config.defaultBranch}`, siteUrl: config.siteUrl },
    process.cwd(),
  );
  if (body.length > MAX_COMMENT)
    body = `${body.slice(0, MAX_COMMENT)}\n\n…(cut; see the job summary for the whole report)\n`;
  const { owner, repo } = repoOf(process.env.GITHUB_REPOSITORY);
  const github = clientFromEnv();
  const number = Number(rawNumber);
  try {
    const { data: pr } = await github.rest.pulls.get({ owner, repo, pull_number: number });
    if (pr.head.sha !== headSha) {
      process.stderr.write(
        `Pull request #${number} is at ${pr.head.sha}, not ${headSha}: not commenting (a newer run will)\n`,
      );
      return 0;
    }
    const { created } = await upsertComment(
      github,
      { owner, repo, issue_number: number },
      'content-check',
      body,
    );
    process.stdout.write(
      `${created ? 'Created' : 'Updated'} the content-check comment on #${number}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`Could not comment on #${number}: ${describeApiError(error).text}\n`);
    return 1;
  }
}

process.exitCode = await main();
