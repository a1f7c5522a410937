/**
 * Files generated from the schemas and the content (issue forms, CODEOWNERS): write them, or
 * with --check compare them with a fresh generation and say which are out of date and how to
 * fix it. CI runs the check so a change to a schema or an organisation cannot leave them stale.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SyncResult {
  /** Files whose text differs from a fresh generation (or that are missing). */
  stale: string[];
  written: string[];
}

export function syncGenerated(
  repoRoot: string,
  files: ReadonlyMap<string, string>,
  check: boolean,
): SyncResult {
  const result: SyncResult = { stale: [], written: [] };
  for (const [rel, text] of files) {
    const abs = path.join(repoRoot, rel);
    const current = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
    if (current === text) continue;
    result.stale.push(rel);
    if (!check) {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
      result.written.push(rel);
    }
  }
  return result;
}

/** Runs a generator CLI: exit 0 when up to date or written, 1 when --check finds stale files. */
export function runGenerator(
  name: string,
  command: string,
  repoRoot: string,
  files: ReadonlyMap<string, string>,
  argv: readonly string[],
): number {
  const check = argv.includes('--check');
  const { stale, written } = syncGenerated(repoRoot, files, check);
  if (check) {
    if (stale.length === 0) {
      process.stdout.write(`${name}: ${files.size} files up to date\n`);
      return 0;
    }
    for (const rel of stale)
      process.stdout.write(
        `${rel}:1:1  error  Out of date: it differs from what \`${command}\` generates now; run \`${command}\` and commit the result\n`,
      );
    return 1;
  }
  process.stdout.write(
    written.length
      ? `${name}: wrote ${written.join(', ')}\n`
      : `${name}: ${files.size} files already up to date\n`,
  );
  return 0;
}
