/**
 * Runs Git in a folder for a test and returns its output, trimmed. The author and committer are
 * a test identity (no user configuration needed); `date` (YYYY-MM-DD) dates the commit at 10:00
 * UTC, for tests of published dates. A failing command throws with Git's own message.
 */
import { execFileSync } from 'node:child_process';

export function git(cwd: string, args: string[], date?: string): string {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
  };
  if (date)
    Object.assign(env, {
      GIT_AUTHOR_DATE: `${date}T10:00:00Z`,
      GIT_COMMITTER_DATE: `${date}T10:00:00Z`,
    });
  return execFileSync('git', args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}
