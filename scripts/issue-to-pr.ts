/**
 * The issue-to-pull-request bot (run by .github/workflows/submission.yml): turns a submitted issue
 * form into a branch, a record file and a pull request, or comments with every problem.
 *
 * Environment: GITHUB_REPOSITORY (owner/name), GITHUB_API_URL, JOL_BOT_TOKEN (GitHub App or
 * fine-grained token) or GITHUB_TOKEN, and the issue number from ISSUE_NUMBER or the event file
 * (GITHUB_EVENT_PATH). The issue's text is read from the API, never from the command line.
 * With --report-failure (the workflow's last step, when the run failed, timed out or was
 * cancelled) it comments on the issue that the run stopped and where to look, and labels it
 * `bot error`, unless the bot finished with the issue (JOL_BOT_DONE_FILE exists: the bot writes
 * it when it has handled the issue, and its own comment then says what happened).
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
  const doneFile = env.JOL_BOT_DONE_FILE;
  if (process.argv.includes('--report-failure')) {
    if (doneFile && fs.existsSync(doneFile)) {
      process.stdout.write(
        `The bot finished with #${options.issueNumber} and commented itself; nothing to add\n`,
      );
      return 0;
    }
    const runUrl = env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
    return (await reportStartFailure({ ...options, runUrl })) ? 0 : 1;
  }
  const repoRoot = env.JOL_REPO_ROOT || process.cwd();
  const outcome = await processIssue({ ...options, repoRoot, root: contentRoot(env, repoRoot) });
  if (doneFile) fs.writeFileSync(doneFile, `${outcome}\n`);
  if (env.GITHUB_STEP_SUMMARY)
    fs.appendFileSync(
      env.GITHUB_STEP_SUMMARY,
      `### Submission bot: issue #${options.issueNumber}\n\nOutcome: **${outcome}**\n`,
    );
  return outcome === 'failed' ? 1 : 0;
}

process.exitCode = await main();
