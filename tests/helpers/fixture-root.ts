/**
 * Builds a content root for a test in a fresh temporary folder: the valid fixture, with an
 * invalid fixture's files laid over it (plus its `fixture.json`: paths to remove, large files
 * to generate, text to append, symbolic links and FIFOs to make, validator `options`).
 * Returns the temp folder (the working directory) and its `content/` root.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { git as runGit } from './git.ts';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const VALID = path.join(FIXTURES, 'valid');
export const INVALID = path.join(FIXTURES, 'invalid');

export interface FixtureRoot {
  cwd: string;
  root: string;
  cleanup(): void;
}

export function tempDir(prefix = 'jol-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function fixtureRoot(overlay?: string): FixtureRoot {
  const cwd = tempDir();
  const root = path.join(cwd, 'content');
  fs.cpSync(VALID, root, { recursive: true });
  if (overlay) {
    const content = path.join(overlay, 'content');
    const meta = path.join(overlay, 'fixture.json');
    const spec = fs.existsSync(meta)
      ? (JSON.parse(fs.readFileSync(meta, 'utf8')) as {
          remove?: string[];
          generate?: Record<string, number>;
          append?: Record<string, { text: string; times: number }>;
          symlinks?: Record<string, string>;
          fifos?: string[];
        })
      : {};
    for (const p of spec.remove ?? [])
      fs.rmSync(path.join(cwd, p), { recursive: true, force: true });
    if (fs.existsSync(content)) fs.cpSync(content, root, { recursive: true });
    for (const [p, bytes] of Object.entries(spec.generate ?? {})) {
      fs.mkdirSync(path.dirname(path.join(cwd, p)), { recursive: true });
      fs.writeFileSync(path.join(cwd, p), Buffer.alloc(bytes, 'a'));
    }
    // Text repeated at the end of a file (a large body), links (a target starting "/" is
    // absolute, else relative to the link's folder) and FIFOs, none of which Git can hold.
    for (const [p, { text, times }] of Object.entries(spec.append ?? {}))
      fs.appendFileSync(path.join(cwd, p), text.repeat(times));
    for (const [p, target] of Object.entries(spec.symlinks ?? {})) {
      fs.mkdirSync(path.dirname(path.join(cwd, p)), { recursive: true });
      fs.symlinkSync(target, path.join(cwd, p));
    }
    for (const p of spec.fifos ?? []) execFileSync('mkfifo', [path.join(cwd, p)]);
  }
  return { cwd, root, cleanup: () => fs.rmSync(cwd, { recursive: true, force: true }) };
}

/** Every invalid fixture folder (those holding an expected.txt), by rule id. */
export function invalidFixtures(): { rule: string; dir: string }[] {
  const out: { rule: string; dir: string }[] = [];
  const walk = (dir: string) => {
    if (fs.existsSync(path.join(dir, 'expected.txt')))
      out.push({ rule: path.relative(INVALID, dir).split(path.sep).join('/'), dir });
    for (const e of fs.readdirSync(dir, { withFileTypes: true }))
      if (e.isDirectory() && e.name !== 'content') walk(path.join(dir, e.name));
  };
  walk(INVALID);
  return out.sort((a, b) => a.rule.localeCompare(b.rule));
}

export interface GitFixtureRoot extends FixtureRoot {
  /** Runs git in the fixture's folder and returns its trimmed output. */
  git(...args: string[]): string;
  /** The commit holding the fixture as copied. */
  base: string;
}

/** A fixture root inside a fresh Git repository, with everything committed on `main`. */
export function gitFixtureRoot(overlay?: string): GitFixtureRoot {
  const fixture = fixtureRoot(overlay);
  const git = (...args: string[]) => runGit(fixture.cwd, args);
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'Test');
  git('add', '.');
  git('commit', '-qm', 'base');
  return { ...fixture, git, base: git('rev-parse', 'HEAD') };
}
