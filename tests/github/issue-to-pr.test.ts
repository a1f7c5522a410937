/**
 * The issue-to-pull-request bot end to end: `node scripts/issue-to-pr.ts` runs as in the workflow,
 * against a fake GitHub REST API on 127.0.0.1 (real HTTP, recorded requests, simulated failures),
 * with the valid fixture as the repository checkout and the real validator.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../scripts/lib/config/jol-config.ts';
import { issueForm, type FormKind } from '../../scripts/lib/forms/issue-form.ts';
import { readOrganisations } from '../../scripts/lib/records/organisations.ts';
import { validateContent } from '../../scripts/lib/validate-content.ts';
import { fixtureRoot, type FixtureRoot } from '../helpers/fixture-root.ts';
import { FakeGitHub } from './fake-github.ts';
import { option, renderIssueBody, type FormAnswer } from './issue-body.ts';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/issue-to-pr.ts');
const TODAY = '2026-11-23';
const config = loadConfig();
const L = config.labels;

let fixture: FixtureRoot;
let github: FakeGitHub;

beforeEach(async () => {
  fixture = fixtureRoot();
  github = new FakeGitHub();
  await github.start();
});
afterEach(async () => {
  await github.stop();
  fixture.cleanup();
});

function form(kind: FormKind) {
  return issueForm(kind, { organisations: readOrganisations(fixture.root), config });
}

async function bot(
  issueNumber: number,
  token = github.token,
  args: string[] = [],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string; summary: string }> {
  const summaryFile = path.join(fixture.cwd, `summary-${issueNumber}.md`);
  fs.writeFileSync(summaryFile, '');
  const eventFile = path.join(fixture.cwd, 'event.json');
  fs.writeFileSync(eventFile, JSON.stringify({ action: 'opened', issue: { number: issueNumber } }));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
    GITHUB_API_URL: github.url,
    JOL_BOT_TOKEN: token,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    JOL_TODAY: TODAY,
    JOL_GITHUB_RETRY_BASE_MS: '5',
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], {
      cwd: fixture.cwd,
      env: { ...env, GITHUB_RUN_ID: '4242', ...extraEnv },
      maxBuffer: 10e6,
    });
    return { code: 0, stdout, stderr, summary: fs.readFileSync(summaryFile, 'utf8') };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return {
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
      summary: fs.readFileSync(summaryFile, 'utf8'),
    };
  }
}

function lessonAnswers(
  kind: 'lesson' | 'notable-practice',
  overrides: Record<string, FormAnswer> = {},
): Record<string, FormAnswer> {
  const f = form(kind);
  const lesson = kind === 'lesson';
  return {
    title: lesson
      ? 'Radio interoperability talkgroup was opened late at a flooding exercise'
      : 'Joint flood cell shared one map across all agencies from the first hour',
    summary: lesson
      ? 'During a multi-agency flooding exercise the interoperability talkgroup was opened only after the first joint meeting, so early messages went through control rooms.'
      : 'A joint flood cell kept one shared map that every agency updated, so commanders worked from the same picture from the first hour of the response.',
    date: '2025-10-08',
    source: option(f, 'source', 'exercise'),
    event: '2025-10-08-exercise-paper-lantern',
    submitted_by: option(f, 'submitted_by', 'greater-manchester-police'),
    organisations: [
      option(f, 'organisations', 'greater-manchester-police'),
      option(f, 'organisations', 'north-west-ambulance-service'),
    ],
    criteria: lesson
      ? [option(f, 'criteria', 'interoperability')]
      : [option(f, 'criteria', 'improves-interoperability')],
    principles: [option(f, 'principles', 'communicate')],
    models: [],
    command_levels: [option(f, 'command_levels', 'tactical')],
    risks: [option(f, 'risks', 'coastal-flooding')],
    tags: 'radio\nflooding',
    related: '',
    classification: option(f, 'classification', 'official'),
    public: 'No',
    ...(lesson
      ? {
          'section-what-happened': 'The talkgroup was opened after the first joint meeting.',
          'section-why-it-matters': 'Early messages went through control rooms and were delayed.',
          'section-recommendation':
            'Open the interoperability talkgroup when the first agency declares.',
        }
      : {
          'section-what-was-done': 'A joint flood cell kept one shared map.',
          'section-why-it-worked':
            'Every agency updated the same map, so nobody worked from an old picture.',
          'section-how-others-can-adopt-it':
            'Agree the shared map and who updates it in the flood plan.',
        }),
    confirm: (f.body as { id?: string; attributes: { options?: { label: string }[] } }[])
      .find((e) => e.id === 'confirm')!
      .attributes.options!.map((o) => o.label),
    ...overrides,
  };
}

function submit(kind: FormKind, answers: Record<string, FormAnswer>, title = 'Submission'): number {
  const labels = [L.submission.name, L[kind].name];
  return github.addIssue({ title, body: renderIssueBody(form(kind), answers), labels }).number;
}

/** The bot's file is written into a copy of the checkout and the real validator checks it. */
async function validatorErrorsFor(repoPath: string, text: string): Promise<string[]> {
  const file = path.join(fixture.cwd, repoPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const { diagnostics } = await validateContent({
    root: fixture.root,
    cwd: fixture.cwd,
    paths: [file],
    cache: false,
    workers: 0,
  });
  fs.rmSync(file);
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
}

function branchFiles(branch: string): Map<string, string> {
  return new Map(
    [...(github.branches.get(branch)?.files ?? new Map()).entries()].map(([p, f]) => [p, f.text]),
  );
}

describe('a valid form becomes a pull request whose file passes the validator', () => {
  for (const kind of ['lesson', 'notable-practice'] as const) {
    it(kind, async () => {
      const n = submit(kind, lessonAnswers(kind));
      const result = await bot(n);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const pulls = github.pulls();
      expect(pulls).toHaveLength(1);
      const pr = pulls[0]!;
      expect(pr.pull_request).toEqual({ head: `submission/issue-${n}`, base: 'main' });
      expect(pr.body).toContain(`Closes #${n}`);
      expect(pr.labels).toEqual([L.submission.name, L[kind].name]);
      const files = branchFiles(`submission/issue-${n}`);
      expect([...files.keys()]).toEqual([
        `content/lessons/2025-10-08-${kind === 'lesson' ? 'radio-interoperability-talkgroup-was-opened-late-at-a-flooding' : 'joint-flood-cell-shared-one-map-across-all-agencies-from-the-first'}.md`,
      ]);
      const [repoPath, text] = [...files.entries()][0]!;
      expect(text).toContain(
        `kind: ${kind === 'lesson' ? 'lesson-identified' : 'notable-practice'}`,
      );
      expect(text).toContain(`submitted: ${TODAY}`);
      expect(await validatorErrorsFor(repoPath, text)).toEqual([]);
      const comments = github.commentsOn(n);
      expect(comments).toHaveLength(1);
      expect(comments[0]!.body).toContain(`Pull request opened: #${pr.number}`);
      expect(github.issues.get(n)!.labels).toContain(L['pr-opened'].name);
      expect(github.issues.get(n)!.state).toBe('open');
    });
  }

  it('assurance-return', async () => {
    const f = form('assurance-return');
    const n = submit('assurance-return', {
      action_note: '2018-001',
      organisation: option(f, 'organisation', 'greater-manchester-fire-and-rescue-service'),
      'R1-state': option(f, 'R1-state', 'implemented'),
      'R1-evidence':
        'Fire control now receives every M/ETHANE message through the shared incident log.',
      'R2-state': option(f, 'R2-state', 'in-progress'),
      'R2-evidence': '',
      'R3-state': 'No return yet',
      confirm: (f.body as { id?: string; attributes: { options?: { label: string }[] } }[])
        .find((e) => e.id === 'confirm')!
        .attributes.options!.map((o) => o.label),
    });
    const result = await bot(n);
    expect(result.code).toBe(0);
    const files = branchFiles(`submission/issue-${n}`);
    const text = files.get(
      'content/assurance/2018-001/greater-manchester-fire-and-rescue-service.yaml',
    )!;
    expect(text).toBe(
      `updated: ${TODAY}\nreturns:\n  - recommendation: R1\n    state: implemented\n    evidence: Fire control now receives every M/ETHANE message through the shared incident log.\n  - recommendation: R2\n    state: in-progress\n`,
    );
    expect(
      await validatorErrorsFor(
        'content/assurance/2018-001/greater-manchester-fire-and-rescue-service.yaml',
        text,
      ),
    ).toEqual([]);
    expect(github.pulls()).toHaveLength(1);
  });
});

describe('re-running is safe', () => {
  it('a second run reuses the branch, the file, the pull request and the comment', async () => {
    const n = submit('lesson', lessonAnswers('lesson'));
    expect((await bot(n)).code).toBe(0);
    const before = github.requests.length;
    expect((await bot(n)).code).toBe(0);
    const second = github.requests.slice(before).filter((r) => r.method !== 'GET');
    // Only idempotent label calls: no new ref, no commit, no pull request, no comment.
    expect(second.map((r) => `${r.method} ${r.path}`).filter((s) => !/\/labels/.test(s))).toEqual(
      [],
    );
    expect(github.pulls()).toHaveLength(1);
    expect(github.commentsOn(n)).toHaveLength(1);
    expect(
      github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs')),
    ).toHaveLength(1);
  });

  it('an edited issue updates the same pull request and moves the file when the title changes', async () => {
    const n = submit('lesson', lessonAnswers('lesson'));
    await bot(n);
    const issue = github.issues.get(n)!;
    issue.body = renderIssueBody(
      form('lesson'),
      lessonAnswers('lesson', {
        title: 'Talkgroup opened late at a flooding exercise in the north west',
      }),
    );
    expect((await bot(n)).code).toBe(0);
    expect(github.pulls()).toHaveLength(1);
    expect([...branchFiles(`submission/issue-${n}`).keys()]).toEqual([
      'content/lessons/2025-10-08-talkgroup-opened-late-at-a-flooding-exercise-in-the-north-west.md',
    ]);
    expect(github.pulls()[0]!.title).toBe(
      'Lesson identified: Talkgroup opened late at a flooding exercise in the north west',
    );
    expect(github.commentsOn(n)).toHaveLength(1);
    expect(github.commentsOn(n)[0]!.body).toContain('Pull request updated');
  });

  it('finds its comment on the second page of a long discussion and updates it', async () => {
    const n = submit('lesson', lessonAnswers('lesson'));
    expect((await bot(n)).code).toBe(0);
    const [mine] = github.commentsOn(n);
    // 120 people commented before the bot's comment: it is the 121st, on page 2 of 100.
    const others = Array.from({ length: 120 }, (_, i) => ({
      id: 1 + i,
      issue_number: n,
      body: `Comment ${i + 1} from a reviewer`,
    }));
    github.comments = [...others, mine!];
    github.issues.get(n)!.body = renderIssueBody(
      form('lesson'),
      lessonAnswers('lesson', {
        title: 'Talkgroup opened late at a flooding exercise in the north west',
      }),
    );
    const before = github.requests.length;
    expect((await bot(n)).code).toBe(0);
    const reads = github.requests
      .slice(before)
      .filter((r) => r.method === 'GET' && r.path.endsWith(`/issues/${n}/comments`));
    expect(reads.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(
      github.requests
        .slice(before)
        .filter((r) => r.method === 'POST' && r.path.endsWith(`/issues/${n}/comments`)),
    ).toEqual([]);
    expect(github.commentsOn(n)).toHaveLength(121);
    expect(github.commentsOn(n)[120]!.id).toBe(mine!.id);
    expect(github.commentsOn(n)[120]!.body).toContain('Pull request updated');
  });
});

describe('an invalid form gets one comment listing every problem, and no pull request', () => {
  it('hostile and wrongly typed answers', async () => {
    const f = form('lesson');
    const n = submit(
      'lesson',
      lessonAnswers('lesson', {
        title: '<script>alert("x")</script> $(rm -rf /) `id` @central-team #1',
        date: '$(touch /tmp/pwned)',
        source: 'incidnt',
        submitted_by: '../../../etc/passwd',
        criteria: [],
        classification: option(f, 'classification', 'official-sensitive'),
        public: 'Yes',
        tags: 'Not Kebab',
        'section-why-it-matters': '',
      }),
    );
    const result = await bot(n);
    expect(result.code).toBe(0);
    expect(github.pulls()).toHaveLength(0);
    expect(github.branches.size).toBe(1);
    expect(github.writes().filter((r) => /\/(git|contents|pulls)/.test(r.path))).toEqual([]);
    const comments = github.commentsOn(n);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    // The date is what names the file: without a valid date the bot stops there and says so.
    expect(body).toContain('needs changes');
    expect(body).toMatch(
      /\| Date \| error \| Cannot name the file: the date is "\$\(touch \/tmp\/pwned\)"/,
    );
    expect(github.issues.get(n)!.labels).toContain(L['needs-changes'].name);
    expect(fs.existsSync('/tmp/pwned')).toBe(false);
  });

  it('every problem in a record that can be named is listed, with its form field, escaped', async () => {
    const f = form('lesson');
    const n = submit(
      'lesson',
      lessonAnswers('lesson', {
        title: '<script>alert("x")</script> $(rm -rf /) @central-team',
        summary: 'Too short.',
        source: 'incidnt',
        submitted_by: '../../../etc/passwd',
        criteria: [],
        classification: option(f, 'classification', 'official-sensitive'),
        public: 'Yes',
        tags: 'Not Kebab',
        event: '2099-01-01-no-such-event',
        'section-why-it-matters': '',
      }),
    );
    expect((await bot(n)).code).toBe(0);
    expect(github.pulls()).toHaveLength(0);
    const body = github.commentsOn(n)[0]!.body;
    for (const field of [
      'Title',
      'Summary',
      'Source',
      'Submitting organisation',
      'Criteria',
      'Public',
      'Tags',
      'Event',
    ]) {
      expect(body, field).toMatch(new RegExp(`\\| ${field} \\| error \\|`));
    }
    expect(body).toMatch(/Why it matters/);
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('@central-team');
  });

  it('a title full of ../ cannot leave content/lessons', async () => {
    const n = submit(
      'lesson',
      lessonAnswers('lesson', { title: '../../../.github/workflows/evil ../../ a lesson title' }),
    );
    expect((await bot(n)).code).toBe(0);
    const puts = github.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toMatch(
      /\/contents\/content\/lessons\/2025-10-08-github-workflows-evil-a-lesson-title\.md$/,
    );
  });

  it('an assurance return for ../ folders is refused before any file is named', async () => {
    const f = form('assurance-return');
    const n = submit('assurance-return', {
      action_note: '../../.github',
      organisation: '../etc',
      'R1-state': option(f, 'R1-state', 'in-progress'),
    });
    expect((await bot(n)).code).toBe(0);
    expect(github.writes().filter((r) => /\/(git|contents|pulls)/.test(r.path))).toEqual([]);
    expect(github.commentsOn(n)[0]!.body).toContain('Expected an action-note id such as');
  });

  it('a huge body is refused with a comment', async () => {
    const n = submit(
      'lesson',
      lessonAnswers('lesson', { 'section-what-happened': 'x'.repeat(70_000) }),
    );
    expect((await bot(n)).code).toBe(0);
    expect(github.pulls()).toHaveLength(0);
    expect(github.commentsOn(n)[0]!.body).toContain('the most the bot reads is 65,536');
  });
});

describe('failures never lose a submission', () => {
  it('a server error says what happened; a re-run then opens exactly one pull request', async () => {
    const n = submit('lesson', lessonAnswers('lesson'));
    github.fail({ method: 'POST', path: /\/pulls$/, status: 502, times: 10 });
    const first = await bot(n);
    expect(first.code).toBe(1);
    expect(first.summary).toContain('Outcome: **failed**');
    expect(github.pulls()).toHaveLength(0);
    const comment = github.commentsOn(n)[0]!.body;
    expect(comment).toContain('The bot could not finish');
    expect(comment).toContain('opening the pull request');
    expect(comment).toContain('HTTP 502');
    expect(github.issues.get(n)!.labels).toContain(L['bot-error'].name);
    expect(github.issues.get(n)!.state).toBe('open');
    // octokit retried the 502 before giving up.
    expect(
      github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls')).length,
    ).toBe(3);

    github.faults = [];
    expect((await bot(n)).code).toBe(0);
    expect(github.pulls()).toHaveLength(1);
    expect(
      github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs')),
    ).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(github.commentsOn(n)).toHaveLength(1);
    expect(github.commentsOn(n)[0]!.body).toContain('Pull request opened');
    expect(github.issues.get(n)!.labels).not.toContain(L['bot-error'].name);
  });

  it('a rate limit is reported as such and not waited out for an hour', async () => {
    const n = submit('lesson', lessonAnswers('lesson'));
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    github.fail({
      method: 'PUT',
      path: /\/contents\//,
      status: 403,
      times: 5,
      message: 'API rate limit exceeded',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    const result = await bot(n);
    expect(result.code).toBe(1);
    // Not waited out: the client says so, and the write was tried once, not again after the reset.
    expect(result.stderr).toMatch(/rate limit on PUT \S+: not retrying \(wait \d+ s\)/);
    expect(github.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    const comment = github.commentsOn(n)[0]!.body;
    expect(comment).toContain('GitHub is limiting how fast the bot may work');
    expect(comment).toContain('HTTP 403');
    expect(github.pulls()).toHaveLength(0);
  });

  it('when GitHub cannot be reached at all the run fails loudly', async () => {
    const n = submit('lesson', lessonAnswers('lesson'));
    github.fail({ method: 'GET', path: /\/issues\//, status: 500, times: 100 });
    github.fail({ method: 'POST', path: /\/issues\//, status: 500, times: 100 });
    const result = await bot(n);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('could not comment either');
    expect(github.issues.get(n)!.state).toBe('open');
  });

  it('a wrong token is a failure, not a silent success', async () => {
    const n = submit('lesson', lessonAnswers('lesson'));
    const result = await bot(n, 'a-token-github-does-not-know');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('HTTP 401');
  });
});

describe('when the workflow fails, times out or is cancelled before the bot finishes', () => {
  it('--report-failure says so on the issue, with the run, and touches nothing else', async () => {
    const n = submit('lesson', lessonAnswers('lesson'));
    // No done file: the bot never started, or was stopped (a timeout) before it finished.
    const done = path.join(fixture.cwd, `done-${n}`);
    const result = await bot(n, github.token, ['--report-failure'], { JOL_BOT_DONE_FILE: done });
    expect(result.code).toBe(0);
    const body = github.commentsOn(n)[0]!.body;
    expect(body).toContain('The bot stopped before it finished');
    expect(body).toContain('(https://github.com/jol-library/jol-library/actions/runs/4242)');
    expect(github.issues.get(n)!.labels).toContain(L['bot-error'].name);
    expect(github.writes().filter((r) => /\/(git|contents|pulls)/.test(r.path))).toEqual([]);
  });

  it('a bot that finished keeps its own comment: the failure step adds nothing', async () => {
    const n = submit('lesson', lessonAnswers('lesson', { title: '' }));
    const done = path.join(fixture.cwd, `done-${n}`);
    expect((await bot(n, github.token, [], { JOL_BOT_DONE_FILE: done })).code).toBe(0);
    expect(fs.readFileSync(done, 'utf8').trim()).toBe('invalid');
    const before = github.commentsOn(n).map((c) => c.body);
    const writes = github.writes().length;
    const report = await bot(n, github.token, ['--report-failure'], { JOL_BOT_DONE_FILE: done });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('nothing to add');
    expect(github.commentsOn(n).map((c) => c.body)).toEqual(before);
    expect(github.writes()).toHaveLength(writes);
  });
});

describe('issues that are not submissions', () => {
  it('are left alone', async () => {
    const n = github.addIssue({
      title: 'A question',
      body: '### Title\n\nHello',
      labels: ['question'],
    }).number;
    expect((await bot(n)).code).toBe(0);
    expect(github.writes()).toEqual([]);
  });

  it('a submission whose kind label was removed gets a comment saying so', async () => {
    const n = github.addIssue({
      title: 'x',
      body: renderIssueBody(form('lesson'), lessonAnswers('lesson')),
      labels: [L.submission.name],
    }).number;
    expect((await bot(n)).code).toBe(0);
    expect(github.commentsOn(n)[0]!.body).toContain('cannot tell which form');
    expect(github.pulls()).toHaveLength(0);
  });
});
