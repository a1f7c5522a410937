/**
 * The issue-to-pull-request bot, start to end: read the issue afresh from the API, tell its form
 * from its labels, build and check the record, then either open (or update) the pull request or
 * comment with every problem — and label the issue either way. When GitHub fails, the bot says so
 * on the issue and exits non-zero; the issue stays open, so nothing is lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JolConfig } from '../config/jol-config.ts';
import { describeApiError, type GitHub } from '../github/client.ts';
import { upsertComment } from '../github/sticky-comment.ts';
import { FORM_KINDS, formText, issueForm, type FormKind } from '../forms/issue-form.ts';
import { readOrganisations } from '../records/organisations.ts';
import { recordKinds } from '../records/record-kinds.ts';
import {
  failureComment,
  invalidComment,
  startFailureComment,
  openedComment,
  PATH_MARKER,
  pullRequestBody,
  pullRequestTitle,
} from './messages.ts';
import { openPullRequest } from './open-pull-request.ts';
import { prepareSubmission } from './prepare-submission.ts';

export interface ProcessOptions {
  github: GitHub;
  owner: string;
  repo: string;
  issueNumber: number;
  config: JolConfig;
  /** The repository checkout (the forms are read from its .github/ISSUE_TEMPLATE). */
  repoRoot: string;
  /** The content root of the checkout. */
  root: string;
  log?: (message: string) => void;
}

export type Outcome = 'pull-request' | 'invalid' | 'skipped' | 'failed';

export const COMMENT_NAME = 'submission';

function formYaml(kind: FormKind, options: ProcessOptions): string {
  const file = path.join(options.repoRoot, '.github', 'ISSUE_TEMPLATE', `${kind}.yml`);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  return formText(
    issueForm(kind, { organisations: readOrganisations(options.root), config: options.config }),
  );
}

async function setLabels(
  github: GitHub,
  options: ProcessOptions,
  add: string[],
  remove: string[],
): Promise<void> {
  const { owner, repo, issueNumber } = options;
  if (add.length)
    await github.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels: add });
  for (const name of remove) {
    try {
      await github.rest.issues.removeLabel({ owner, repo, issue_number: issueNumber, name });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
}

export async function processIssue(options: ProcessOptions): Promise<Outcome> {
  const { github, owner, repo, issueNumber, config } = options;
  const log = options.log ?? ((m: string) => process.stdout.write(`${m}\n`));
  const labels = config.labels;
  const target = { owner, repo, issue_number: issueNumber };
  let step = 'reading the issue';
  try {
    const { data: issue } = await github.rest.issues.get(target);
    if (issue.pull_request)
      return (log(`#${issueNumber} is a pull request; nothing to do`), 'skipped');
    if (issue.state !== 'open') return (log(`#${issueNumber} is closed; nothing to do`), 'skipped');
    const names = new Set(issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))));
    if (!names.has(labels.submission.name))
      return (
        log(`#${issueNumber} has no "${labels.submission.name}" label; nothing to do`),
        'skipped'
      );
    const kinds = FORM_KINDS.filter((k) => names.has(labels[k].name));
    if (kinds.length !== 1) {
      step = 'commenting on the issue';
      const wanted = FORM_KINDS.map((k) => `"${labels[k].name}"`).join(', ');
      await upsertComment(
        github,
        target,
        COMMENT_NAME,
        invalidComment([
          {
            severity: 'error',
            rule: 'form/kind',
            message: `The bot cannot tell which form this issue used: it needs exactly one of the labels ${wanted}, found ${kinds.length}. A maintainer can fix the labels; or open a new issue from one of the forms.`,
          },
        ]),
      );
      await setLabels(github, options, [labels['needs-changes'].name], [labels['pr-opened'].name]);
      return 'invalid';
    }
    const kind = kinds[0]!;
    step = 'checking the submission';
    const prepared = await prepareSubmission({
      kind,
      body: issue.body ?? '',
      formYaml: formYaml(kind, options),
      root: options.root,
      cwd: options.repoRoot,
    });
    const errors = prepared.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0 || !prepared.record || !prepared.text || !prepared.repoPath) {
      log(`#${issueNumber}: ${errors.length} problem(s); commenting`);
      step = 'commenting on the issue';
      await upsertComment(github, target, COMMENT_NAME, invalidComment(prepared.problems));
      await setLabels(
        github,
        options,
        [labels['needs-changes'].name],
        [labels['pr-opened'].name, labels['bot-error'].name],
      );
      return 'invalid';
    }
    step = 'opening the pull request';
    const spec = recordKinds[kind];
    const pr = await openPullRequest(github, {
      owner,
      repo,
      base: config.defaultBranch,
      branch: `${config.submissionBranchPrefix}${issueNumber}`,
      path: prepared.repoPath,
      text: prepared.text,
      commitMessage: `Add ${spec.title} ${prepared.record.id} from issue #${issueNumber}`,
      title: pullRequestTitle(spec.title, prepared.record.data, prepared.repoPath),
      body: pullRequestBody(issueNumber, prepared.repoPath, prepared, config),
      labels: [labels.submission.name, labels[kind].name],
      previousPath: (body) => PATH_MARKER.exec(body)?.[1],
    });
    log(
      `#${issueNumber}: pull request #${pr.number} ${pr.created ? 'opened' : 'updated'}${pr.committed ? '' : ' (file unchanged)'}`,
    );
    step = 'commenting on the issue';
    await upsertComment(
      github,
      target,
      COMMENT_NAME,
      openedComment(pr.number, pr.url, prepared, pr.created || !pr.committed),
    );
    await setLabels(
      github,
      options,
      [labels['pr-opened'].name],
      [labels['needs-changes'].name, labels['bot-error'].name],
    );
    return 'pull-request';
  } catch (error) {
    const { rateLimited, text } = describeApiError(error);
    log(`#${issueNumber}: failed while ${step}: ${text}`);
    if (!('status' in (error as object))) log((error as Error).stack ?? String(error));
    try {
      await upsertComment(github, target, COMMENT_NAME, failureComment(step, text, rateLimited));
      await setLabels(github, options, [labels['bot-error'].name], []);
    } catch (again) {
      log(`#${issueNumber}: could not comment either: ${describeApiError(again).text}`);
    }
    return 'failed';
  }
}

/** When the workflow failed before the bot ran: say so on the issue (with the run's address). */
export async function reportStartFailure(
  options: Pick<ProcessOptions, 'github' | 'owner' | 'repo' | 'issueNumber' | 'config'> & {
    runUrl?: string;
  },
): Promise<boolean> {
  const { github, owner, repo, issueNumber, config } = options;
  const target = { owner, repo, issue_number: issueNumber };
  try {
    await upsertComment(github, target, COMMENT_NAME, startFailureComment(options.runUrl));
    await github.rest.issues.addLabels({ ...target, labels: [config.labels['bot-error'].name] });
    return true;
  } catch (error) {
    process.stderr.write(`Could not comment on #${issueNumber}: ${describeApiError(error).text}\n`);
    return false;
  }
}
