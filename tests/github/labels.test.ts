/**
 * `npm run labels` against the fake GitHub API: creates what is missing, corrects what differs,
 * finds the labels that are already there on every page of the list, and a second run changes
 * nothing. The labels expected are written out here, not read from the configuration the script
 * reads.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FakeGitHub } from './fake-github.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/sync-labels.ts');
let github: FakeGitHub;
let work: string;
beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-labels-'));
});
afterEach(async () => {
  await github.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const labels = (env: Record<string, string> = {}) =>
  run(process.execPath, [SCRIPT], {
    env: {
      PATH: process.env.PATH,
      GITHUB_REPOSITORY: 'jol-library/jol-library',
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: github.token,
      ...env,
    },
  });

/** The lifecycle labels of the repository's jol.config.json, as people see them on GitHub. */
const LIFECYCLE = [
  {
    name: 'submission',
    color: '1d70b8',
    description: 'Submitted through an issue form; the bot turns it into a pull request',
  },
  { name: 'kind: lesson identified', color: '5694ca', description: 'A lesson identified' },
  { name: 'kind: notable practice', color: '00703c', description: 'A notable practice' },
  {
    name: 'kind: assurance return',
    color: '6f72af',
    description: "An organisation's assurance return on an action note",
  },
  {
    name: 'needs changes',
    color: 'd4351c',
    description: "The submission has problems; see the bot's comment, edit the issue to fix them",
  },
  {
    name: 'pull request opened',
    color: 'ffdd00',
    description: 'The bot opened a pull request for this submission',
  },
  {
    name: 'bot error',
    color: '942514',
    description: 'The bot could not finish; nothing is lost, re-run the workflow',
  },
  { name: 'in review', color: 'f47738', description: 'Reviewers are looking at the pull request' },
  {
    name: 'approved',
    color: '00703c',
    description: "Approved by the central team and the organisation's owners",
  },
  { name: 'published', color: '0b0c0c', description: 'Merged into main and published' },
];

it('creates the lifecycle labels, corrects a changed one, and is idempotent', async () => {
  github.labels.set('submission', { name: 'submission', color: '000000', description: 'old' });
  github.labels.set('bug', { name: 'bug', color: 'ff0000', description: 'Something is broken' });
  const first = await labels();
  expect(first.stdout).toBe(
    'Labels: 9 created (kind: lesson identified, kind: notable practice, kind: assurance return, ' +
      'needs changes, pull request opened, bot error, in review, approved, published), 1 updated (submission)\n',
  );
  expect([...github.labels.values()].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
    [...LIFECYCLE, { name: 'bug', color: 'ff0000', description: 'Something is broken' }].sort(
      (a, b) => a.name.localeCompare(b.name),
    ),
  );
  const writes = github.writes().length;
  expect((await labels()).stdout).toBe('Labels: 0 created, 0 updated\n');
  expect(github.writes().length).toBe(writes);
});

it('finds a label that is only on the second page of the repository’s labels', async () => {
  // A configuration of the test's own, with two labels.
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'jol.config.json'), 'utf8')) as {
    labels: Record<string, unknown>;
  };
  const file = path.join(work, 'jol.config.json');
  const wanted = {
    name: 'published',
    color: '0b0c0c',
    description: 'Merged into main and published',
  };
  fs.writeFileSync(
    file,
    JSON.stringify({
      ...config,
      labels: {
        ...config.labels,
        published: wanted,
      },
    }),
  );
  // 150 labels of other projects come first; the one wanted, with another colour, is the 151st.
  for (let i = 1; i <= 150; i++)
    github.labels.set(`area ${i}`, { name: `area ${i}`, color: 'cccccc', description: '' });
  for (const l of LIFECYCLE) github.labels.set(l.name, l);
  github.labels.delete('published');
  github.labels.set('published', { ...wanted, color: '000000' });
  const { stdout } = await labels({ JOL_CONFIG: file });
  expect(stdout).toBe('Labels: 0 created, 1 updated (published)\n');
  expect(github.labels.get('published')).toEqual(wanted);
  expect(
    github.requests
      .filter((r) => r.method === 'GET' && r.path.endsWith('/labels'))
      .map((r) => r.query.page ?? '1'),
  ).toEqual(['1', '2']);
});
