/** Runs one of the project's CLIs as a child process in a fixture, with a fixed "today". */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO = path.resolve(import.meta.dirname, '../..');

export async function cli(
  script: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const fullEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    JOL_TODAY: '2026-11-23',
    ...env,
  };
  return run(process.execPath, [path.join(REPO, 'scripts', script), ...args], {
    cwd,
    env: fullEnv,
    maxBuffer: 10e6,
  }).then(
    (o) => ({ code: 0, stdout: o.stdout, stderr: o.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}
