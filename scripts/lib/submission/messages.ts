/**
 * What the bot writes on GitHub: the comment on the issue (pull request opened, problems to fix,
 * or what went wrong) and the pull request's title and body. Text that came from the submitter
 * is escaped for Markdown tables, has HTML and @mentions neutralised, and is never interpreted.
 */
import type { JolConfig } from '../config/jol-config.ts';
import { codeSpan, markdownCell as cell } from '../report/markdown-text.ts';
import type { PreparedSubmission, SubmissionProblem } from './prepare-submission.ts';

/** One line of plain text for titles: no control characters, bounded length. */
export function oneLine(text: string, max = 120): string {
  const clean = text
    // Control characters, deliberately matched.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function problemTable(problems: readonly SubmissionProblem[]): string {
  const rows = problems.map(
    (p) => `| ${p.field ? cell(p.field) : '—'} | ${p.severity} | ${cell(p.message)} |`,
  );
  return ['| Form field | Severity | What to fix |', '|---|---|---|', ...rows].join('\n');
}

export function invalidComment(problems: readonly SubmissionProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return [
    `### ✖ This submission needs changes (${errors} ${errors === 1 ? 'problem' : 'problems'})`,
    '',
    'The bot checked your answers against the JOL content rules and found the problems below. **No pull request has been opened yet.**',
    '',
    problemTable(problems),
    '',
    '**What to do:** edit this issue (the ··· menu on its first post → Edit), correct the answers named above, and save. The bot checks it again and updates this comment. Nothing you wrote is lost.',
  ].join('\n');
}

/** `created` false means this run changed the file of an existing pull request. */
export function openedComment(
  prNumber: number,
  prUrl: string,
  prepared: PreparedSubmission,
  created: boolean,
): string {
  const warnings = prepared.problems.filter((p) => p.severity === 'warning');
  return [
    `### ✔ Pull request ${created ? 'opened' : 'updated'}: #${prNumber}`,
    '',
    `Your submission passed the content checks and is now pull request [#${prNumber}](${prUrl}), adding \`${prepared.repoPath}\`. Reviewers from the central team and your organisation will look at it there; this issue closes when it is merged and published.`,
    ...(warnings.length
      ? [
          '',
          '**Please look at these warnings** (they do not stop the pull request):',
          '',
          problemTable(warnings),
        ]
      : []),
    '',
    'To change something before it is merged, edit this issue: the bot updates the same pull request.',
  ].join('\n');
}

export function failureComment(what: string, detail: string, rateLimited: boolean): string {
  return [
    '### ⚠ The bot could not finish',
    '',
    `While ${what}, GitHub answered: ${codeSpan(detail)}.`,
    '',
    rateLimited
      ? 'GitHub is limiting how fast the bot may work. **Nothing is lost**: your answers are safe in this issue.'
      : '**Nothing is lost**: your answers are safe in this issue.',
    '',
    '**What to do:** wait a few minutes, then edit the issue and save it without changes — the bot runs again. A maintainer can also re-run the workflow from the Actions tab; re-running never creates a second branch or pull request.',
  ].join('\n');
}

export function startFailureComment(runUrl?: string): string {
  return [
    '### ⚠ The bot stopped before it finished',
    '',
    `The submission workflow failed, ran out of time or was cancelled before the bot could finish with this issue${runUrl ? ` ([the run](${runUrl}))` : ''}. This is a problem on our side, not a problem with your answers.`,
    '',
    '**Nothing is lost**: your answers are safe in this issue. The central team has been told by the failed run; once it is fixed, they re-run the workflow (or you edit and save the issue) and the bot picks it up.',
  ].join('\n');
}

export function pullRequestTitle(
  kindTitle: string,
  data: Record<string, unknown>,
  repoPath: string,
): string {
  const name =
    typeof data.title === 'string'
      ? data.title
      : typeof data.name === 'string'
        ? data.name
        : repoPath;
  return oneLine(`${kindTitle.charAt(0).toUpperCase()}${kindTitle.slice(1)}: ${name}`, 200);
}

export const PATH_MARKER = /<!-- jol-library:path ([A-Za-z0-9/_.-]+) -->/;

export function pullRequestBody(
  issueNumber: number,
  repoPath: string,
  prepared: PreparedSubmission,
  config: JolConfig,
): string {
  const duplicates = prepared.duplicates.map(
    (d) =>
      `- ${cell(d.message)} — [${d.id}](https://github.com/${config.repository}/blob/${config.defaultBranch}/${d.file.split('/').map(encodeURIComponent).join('/')})`,
  );
  return [
    `<!-- jol-library:path ${repoPath} -->`,
    `Submitted through issue #${issueNumber} with the issue form; made by the JOL Library bot.`,
    '',
    `Closes #${issueNumber}`,
    '',
    `Adds \`${repoPath}\`.`,
    ...(duplicates.length ? ['', '#### Possible duplicates', '', ...duplicates] : []),
    '',
    '#### Reviewer checklist',
    '',
    '- [ ] Meets at least one JOL submission criterion, correctly ticked',
    '- [ ] What and why, not who: no personal data',
    '- [ ] Classification is right; nothing OFFICIAL-SENSITIVE is marked public',
    '- [ ] Not a duplicate of an existing lesson (see any warnings above)',
  ].join('\n');
}
