/** `npm run labels` against the fake GitHub API: creates what is missing, corrects what differs, and a second run changes nothing. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../scripts/lib/config/jol-config.ts';
import { FakeGitHub } from './fake-github.ts';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/sync-labels.ts');
let github: FakeGitHub;
beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
});
afterEach(() => github.stop());

const labels = () =>
  run(process.execPath, [SCRIPT], {
    env: {
      PATH: process.env.PATH,
      GITHUB_REPOSITORY: 'jol-library/jol-library',
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: github.token,
    },
  });

it('creates the lifecycle labels, corrects a changed one, and is idempotent', async () => {
  const config = loadConfig();
  github.labels.set('submission', { name: 'submission', color: '000000', description: 'old' });
  github.labels.set('bug', { name: 'bug', color: 'ff0000', description: 'Something is broken' });
  const first = await labels();
  expect(first.stdout).toBe(
    `Labels: ${Object.keys(config.labels).length - 1} created (${Object.values(config.labels)
      .slice(1)
      .map((l) => l.name)
      .join(', ')}), 1 updated (submission)\n`,
  );
  expect(github.labels.get('submission')).toEqual(config.labels.submission);
  expect(github.labels.get('bug')).toEqual({
    name: 'bug',
    color: 'ff0000',
    description: 'Something is broken',
  });
  const writes = github.writes().length;
  expect((await labels()).stdout).toBe('Labels: 0 created, 0 updated\n');
  expect(github.writes().length).toBe(writes);
});
