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

/** A command as its users run it: any program, its exit code and both outputs (never throws). */
export async function runProcess(
  file: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(file, args, { cwd: options.cwd, env: options.env, maxBuffer: 10e6 }).then(
    (o) => ({ code: 0, stdout: o.stdout, stderr: o.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

/**
 * Runs a shell command line in a pseudo-terminal (util-linux `script`), as in a terminal: the
 * command's stdout and stderr both go to the terminal, whose whole output comes back, escape
 * sequences and all.
 */
export function inTerminal(
  commandLine: string,
  options: { cwd: string; env: Record<string, string> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return runProcess('script', ['-q', '-e', '-c', commandLine, '/dev/null'], options);
}
