/**
 * The pull-request checks end to end on a real temporary Git repository: the changed files are
 * validated against the whole content (PR mode), with annotations, a job summary and the
 * sticky-comment report (likely duplicates linked); the comment is then posted once and updated
 * through a fake GitHub API.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitFixtureRoot, gitFixtureRoot } from '../helpers/fixture-root.ts';
import { prReport } from '../../scripts/lib/pr-check/pr-report.ts';
import { readReportFile } from '../../scripts/lib/pr-check/report-file.ts';
import { FakeGitHub } from './fake-github.ts';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');
let fixture: GitFixtureRoot;

beforeEach(() => {
  fixture = gitFixtureRoot();
});
afterEach(() => fixture.cleanup());

async function prCheck(base: string) {
  const summary = path.join(fixture.cwd, 'summary.md');
  const report = path.join(fixture.cwd, 'report.json');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    JOL_TODAY: '2026-11-23',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'jol-library/jol-library',
    GITHUB_SERVER_URL: 'https://github.com',
  };
  const r = await run(
    process.execPath,
    [path.join(REPO, 'scripts/pr-check.ts'), '--base', base, '--report', report],
    { cwd: fixture.cwd, env },
  ).then(
    (o) => ({ code: 0, stdout: o.stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout + e.stderr,
    }),
  );
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
  // The comment workflow words the comment from the findings the check handed over.
  const findings = fs.existsSync(report) ? readReportFile(report) : undefined;
  const comment = findings
    ? prReport(
        findings.diagnostics,
        findings.checked,
        {
          blobBase: 'https://github.com/jol-library/jol-library/blob/main',
          siteUrl: 'https://jol-library.github.io/jol-library/',
        },
        fixture.cwd,
      )
    : '';
  return { ...r, summary: read(summary), comment };
}

const DUPLICATE = `---
kind: lesson-identified
title: M/ETHANE messages were not shared between the control rooms
summary: >-
  Each service's control room held its own picture of the incident because the
  M/ETHANE messages passed by first responders were not shared between them at all.
date: 2017-05-22
source: incident
event: 2017-05-22-manchester-arena-attack
submitted_by: greater-manchester-police
submitted: 2026-01-05
criteria: [interoperability]
classification: official
public: true
---

## What happened

Messages stayed in each control room.

## Why it matters

Each service worked from a different picture.

## Recommendation

Share every M/ETHANE message between control rooms.
`;

describe('pull-request content check', () => {
  it('lints only the changed files, reports annotations, a summary and linked duplicates', async () => {
    // An error already on main is not this pull request's problem.
    fs.writeFileSync(path.join(fixture.root, 'events/2099-01-01-broken.yaml'), 'name: x\n');
    fixture.git('add', '.');
    fixture.git('commit', '-qm', 'main has a broken file');
    const base = fixture.git('rev-parse', 'HEAD');
    fixture.git('checkout', '-qb', 'feature');
    fs.writeFileSync(
      path.join(fixture.root, 'lessons/2017-05-22-methane-not-shared-again.md'),
      DUPLICATE,
    );
    fs.writeFileSync(path.join(fixture.root, 'lessons/$(touch pwned).md'), '---\ntitle: x\n---\n');
    fixture.git('add', '.');
    fixture.git('commit', '-qm', 'pull request');

    const r = await prCheck(base);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(fixture.cwd, 'pwned'))).toBe(false);
    expect(r.stdout).toContain('::error file=content/lessons/$(touch pwned).md');
    expect(r.stdout).toContain(
      '::warning file=content/lessons/2017-05-22-methane-not-shared-again.md,line=3',
    );
    expect(r.stdout).not.toContain('2099-01-01-broken');
    expect(r.summary).toBe(r.comment);
    expect(r.comment).toContain('### JOL content check: changes needed');
    expect(r.comment).toContain('#### Likely duplicates');
    expect(r.comment).toContain(
      '- `content/lessons/2017-05-22-methane-not-shared-again.md` looks like [`2017-05-22-methane-not-shared`](https://github.com/jol-library/jol-library/blob/main/content/lessons/2017-05-22-methane-not-shared.md)',
    );
  });

  it('passes when the changed files are valid, and says so when no content changed', async () => {
    const base = fixture.git('rev-parse', 'HEAD');
    fixture.git('checkout', '-qb', 'feature');
    fs.writeFileSync(path.join(fixture.cwd, 'README.md'), 'docs only\n');
    fixture.git('add', '.');
    fixture.git('commit', '-qm', 'docs');
    const r = await prCheck(base);
    expect(r.code).toBe(0);
    expect(r.comment).toContain('This pull request changes no content files.');
  });

  it('refuses a base that is not a commit SHA', async () => {
    const r = await prCheck('main; touch pwned');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Expected the base commit as a hexadecimal SHA');
  });
});

describe('sticky pull-request comment', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = new FakeGitHub();
    await github.start();
  });
  afterEach(() => github.stop());

  async function comment(dir: string, headSha: string) {
    const env = {
      PATH: process.env.PATH,
      GITHUB_REPOSITORY: 'jol-library/jol-library',
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: github.token,
      HEAD_SHA: headSha,
    };
    return run(process.execPath, [path.join(REPO, 'scripts/pr-comment.ts'), dir], { env }).then(
      (o) => ({ code: 0, out: o.stdout + o.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: e.stdout + e.stderr,
      }),
    );
  }

  /** A pull request at `sha` and the check's artifact folder `name` naming it, as the workflow leaves it. */
  function pullRequestArtifact(sha: string, name: string) {
    const pr = github.addIssue({
      title: 'PR',
      body: '',
      labels: [],
      pull_request: { head: 'feature', base: 'main', sha },
    });
    const dir = path.join(fixture.cwd, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'pr-number'), `${pr.number}\n`);
    return { pr, dir };
  }

  it('is created once, then updated in place; a stale run or a forged number does nothing', async () => {
    const sha = 'a'.repeat(40);
    const { pr, dir } = pullRequestArtifact(sha, 'artifact');
    const report = (message: string) =>
      fs.writeFileSync(
        path.join(dir, 'report.json'),
        JSON.stringify({
          checked: 1,
          diagnostics: [
            {
              file: 'content/lessons/2025-01-01-x.md',
              line: 3,
              column: 8,
              severity: 'error',
              rule: 'schema/enum',
              message,
            },
          ],
        }),
      );
    report('first report');
    expect((await comment(dir, sha)).code).toBe(0);
    report('second report');
    expect((await comment(dir, sha)).code).toBe(0);
    expect(github.commentsOn(pr.number)).toHaveLength(1);
    const body = github.commentsOn(pr.number)[0]!.body;
    expect(body).toMatch(
      /^<!-- jol-library:content-check -->\n### JOL content check: changes needed/,
    );
    expect(body).toContain(
      '| `content/lessons/2025-01-01-x.md:3:8` | error | second report | `schema/enum` |',
    );

    const stale = await comment(dir, 'b'.repeat(40));
    expect(stale.code).toBe(0);
    expect(stale.out).toContain('not commenting');
    expect(github.commentsOn(pr.number)[0]!.body).toContain('second report');

    fs.writeFileSync(path.join(dir, 'pr-number'), '1; curl evil');
    expect((await comment(dir, sha)).code).toBe(2);
    expect(github.writes().filter((w) => w.method === 'POST')).toHaveLength(1);
  });

  it('words the comment itself: text from content cannot mention, link, mark up or break the table', async () => {
    const sha = 'c'.repeat(40);
    const { pr, dir } = pullRequestArtifact(sha, 'artifact-hostile');
    const hostile =
      'Unexpected "@jol-library/reviewers ping @everyone #1 | [click](https://evil.example) ![x](https://evil.example/x.png) <img src=x onerror=alert(1)> **bold** www.evil.example"';
    fs.writeFileSync(
      path.join(dir, 'report.json'),
      JSON.stringify({
        checked: 1,
        diagnostics: [
          {
            file: 'content/lessons/`@x`|.md',
            line: 1,
            column: 1,
            severity: 'error',
            rule: 'schema/enum',
            message: hostile,
          },
        ],
      }),
    );
    expect((await comment(dir, sha)).code).toBe(0);
    const body = github.commentsOn(pr.number)[0]!.body;
    const row = body.split('\n').find((l) => l.startsWith('| `content/lessons/'))!;
    // Exactly four cells: nothing broke out of the table.
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(4);
    expect(body).not.toMatch(/(^|[^&#\w])@(everyone|jol-library)/);
    expect(body).not.toMatch(/\]\(https?:/);
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/(?<!\\)\*\*bold/);
    expect(body).not.toMatch(/https?:\/\/evil/);
    expect(body).not.toMatch(/(?<![&#\w])#1\b/);
  });

  it("refuses a report that is not the check's findings: text, unknown rules, extra fields, odd paths", async () => {
    const sha = 'd'.repeat(40);
    const { pr, dir } = pullRequestArtifact(sha, 'artifact-forged');
    const finding = {
      file: 'content/lessons/a.md',
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'schema/enum',
      message: 'm',
    };
    const forged = [
      '### Approved by the central team\n',
      JSON.stringify({ checked: 1, diagnostics: [{ ...finding, rule: 'team/approved' }] }),
      JSON.stringify({ checked: 1, diagnostics: [{ ...finding, markdown: '**x**' }] }),
      JSON.stringify({ checked: 1, diagnostics: [{ ...finding, target: '../../../etc/passwd' }] }),
      JSON.stringify({ checked: 1, diagnostics: [{ ...finding, severity: 'note' }] }),
      JSON.stringify({ checked: 1, diagnostics: [], comment: 'hi' }),
    ];
    for (const text of forged) {
      fs.writeFileSync(path.join(dir, 'report.json'), text);
      const r = await comment(dir, sha);
      expect(r.code, text).toBe(2);
      expect(r.out, text).toContain('report.json');
    }
    expect(github.commentsOn(pr.number)).toHaveLength(0);
  });
});
