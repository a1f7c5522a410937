/**
 * The record files a pull request adds or changes: `git diff --name-only -z` between the merge
 * base with the base commit and HEAD, run without a shell (file names come from the pull request
 * author and are never interpreted), limited to the content root.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export function changedFiles(repoRoot: string, baseSha: string, contentRoot: string): string[] {
  if (!/^[0-9a-f]{7,64}$/i.test(baseSha))
    throw new Error(
      `Expected the base commit as a hexadecimal SHA, found "${baseSha.slice(0, 80)}"`,
    );
  const out = execFileSync(
    'git',
    ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', `${baseSha}...HEAD`, '--'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const rel = path.relative(repoRoot, contentRoot).split(path.sep).join('/');
  return out
    .split('\0')
    .filter(Boolean)
    .filter((f) => rel === '' || f === rel || f.startsWith(`${rel}/`))
    .map((f) => path.join(repoRoot, f));
}
