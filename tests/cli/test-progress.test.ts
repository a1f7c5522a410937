/**
 * `npm test` says as each test file starts (tests/helpers/started-reporter.ts), so a log shows
 * progress while the first files still build sites; in a terminal the default reporter's own
 * summary shows the running files, and the extra lines stay out of it.
 */
import { describe, expect, it } from 'vitest';
import { REPO, inTerminal, runProcess } from './run-cli.ts';

const FILE = 'scripts/lib/progress.test.ts';
const env = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  TERM: 'xterm',
  ...extra,
});

describe('vitest progress', () => {
  it('in a log, each file is announced when it starts, before its result', async () => {
    const r = await runProcess('npx', ['vitest', 'run', FILE], {
      cwd: REPO,
      env: env({ NO_COLOR: '1' }),
    });
    expect(r.code).toBe(0);
    const started = r.stdout.indexOf(`▶ ${FILE} (1 of 1)`);
    const ended = r.stdout.indexOf(`✓ ${FILE}`);
    expect(started).toBeGreaterThanOrEqual(0);
    expect(ended).toBeGreaterThan(started);
  });

  it('in a terminal outside CI it leaves the running files to the default reporter', async () => {
    const r = await inTerminal(`npx vitest run ${FILE}`, { cwd: REPO, env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(FILE);
    expect(r.stdout).not.toContain('▶');
  });
});
