/**
 * The issue-to-pull-request bot (run by .github/workflows/submission.yml): turns a submitted issue
 * form into a branch, a record file and a pull request, or comments with every problem.
 *
 * Environment: GITHUB_REPOSITORY (owner/name), GITHUB_API_URL, JOL_BOT_TOKEN (GitHub App or
 * fine-grained token) or GITHUB_TOKEN, and the issue number from ISSUE_NUMBER or the event file
 * (GITHUB_EVENT_PATH). The issue's text is read from the API, never from the command line.
 * With --report-failure (the workflow's last step, when the bot could not even start: no token,
 * install failed) it only comments on the issue that the run failed and where to look.
 * Exit 0 when the issue was handled (pull request opened, or problems commented), 1 when GitHub
 * failed (the issue then carries a comment saying what happened), 2 on a usage error.
 */
import fs from 'node:fs';
import { enableCompileCache } from 'node:module';
import { clientFromEnv, repoOf } from './lib/github/client.ts';
import { loadConfig } from './lib/config/jol-config.ts';
import { contentRoot } from './lib/content-root.ts';
import { processIssue, reportStartFailure } from './lib/submission/process-issue.ts';

enableCompileCache();

function issueNumber(env: NodeJS.ProcessEnv): number {
  let raw: unknown = env.ISSUE_NUMBER;
  if ((raw === undefined || raw === '') && env.GITHUB_EVENT_PATH) {
    const event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      issue?: { number?: unknown };
      inputs?: { issue?: unknown };
    };
    raw = event.issue?.number ?? event.inputs?.issue;
  }
  const n = typeof raw === 'number' ? raw : /^\d{1,9}$/.test(String(raw ?? '')) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1)
    throw new Error(
      `Expected an issue number (ISSUE_NUMBER or the event's issue.number), found "${String(raw ?? '')}"`,
    );
  return n;
}

async function main(): Promise<number> {
  const env = process.env;
  let options;
  try {
    options = {
      ...repoOf(env.GITHUB_REPOSITORY),
      issueNumber: issueNumber(env),
      github: clientFromEnv(env),
      config: loadConfig(),
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (process.argv.includes('--report-failure')) {
    const runUrl = env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
    return (await reportStartFailure({ ...options, runUrl })) ? 0 : 1;
  }
  const repoRoot = env.JOL_REPO_ROOT || process.cwd();
  const outcome = await processIssue({ ...options, repoRoot, root: contentRoot(env, repoRoot) });
  if (env.GITHUB_STEP_SUMMARY)
    fs.appendFileSync(
      env.GITHUB_STEP_SUMMARY,
      `### Submission bot: issue #${options.issueNumber}\n\nOutcome: **${outcome}**\n`,
    );
  return outcome === 'failed' ? 1 : 0;
}

process.exitCode = await main();
