/**
 * When each lesson was published: `published` when the file gives it; else the day the file
 * first reached the main branch, from Git history; else `submitted`.
 *
 * History is read with ONE `git log` for the whole content root (never one call per file):
 * first-parent history of HEAD, so a file merged in a pull request dates from the merge, and
 * renames are followed so that moving a file keeps its date. In a shallow clone or outside Git
 * the history is missing or wrong, so every lesson falls back to `submitted`, and the build
 * says so once.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface GitHistory {
  /** Why history is not used, or undefined when it is. */
  unavailable?: string;
  /** The top folder of the Git work tree holding the content root. */
  toplevel?: string;
  /** First day each file (absolute path) reached the branch, committer date YYYY-MM-DD. */
  firstAdded: Map<string, string>;
  /** Last day each file (absolute path) changed on the branch. */
  lastChanged: Map<string, string>;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Reads the history of every file under `root` in one `git log`. */
export function readGitHistory(root: string): GitHistory {
  const firstAdded = new Map<string, string>();
  const lastChanged = new Map<string, string>();
  let toplevel: string;
  try {
    toplevel = git(root, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { unavailable: `${root} is not inside a Git repository`, firstAdded, lastChanged };
  }
  try {
    if (git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
      return {
        unavailable: 'the repository is a shallow clone, so the history is incomplete',
        toplevel,
        firstAdded,
        lastChanged,
      };
    }
  } catch {
    // Older Git without the flag: treat as complete history.
  }
  let log: string;
  try {
    // %x1e separates commits; oldest first so that the first sighting of a path wins.
    log = git(root, [
      '-c',
      'core.quotePath=false',
      'log',
      '--first-parent',
      '--diff-merges=first-parent',
      '--reverse',
      '-M',
      '--name-status',
      '--format=%x1e%cs',
      '--',
      '.',
    ]);
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.trim() || String(error);
    // A repository without commits has no history yet.
    return {
      unavailable: `Git history could not be read (${message.split('\n')[0]})`,
      toplevel,
      firstAdded,
      lastChanged,
    };
  }
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  for (const chunk of log.split('\x1e')) {
    const lines = chunk.split('\n').filter((l) => l !== '');
    const date = lines.shift();
    if (!date) continue;
    for (const line of lines) {
      const [status = '', a, b] = line.split('\t');
      if (!a) continue;
      if (status.startsWith('R') && b) {
        first.set(b, first.get(a) ?? date);
        last.set(b, date);
      } else if (status === 'A') {
        if (!first.has(a)) first.set(a, date);
        last.set(a, date);
      } else if (status !== 'D') {
        last.set(a, date);
      }
    }
  }
  for (const [repoPath, date] of first) firstAdded.set(path.join(toplevel, repoPath), date);
  for (const [repoPath, date] of last) lastChanged.set(path.join(toplevel, repoPath), date);
  return { toplevel, firstAdded, lastChanged };
}

export type PublishedSource = 'frontmatter' | 'git' | 'submitted';

/** The published date of one lesson and where it came from. */
export function publishedDate(
  data: { published?: unknown; submitted?: unknown },
  absFile: string,
  history: GitHistory,
): { date: string; source: PublishedSource } {
  if (typeof data.published === 'string') return { date: data.published, source: 'frontmatter' };
  const fromGit = history.firstAdded.get(absFile);
  if (fromGit) return { date: fromGit, source: 'git' };
  return { date: String(data.submitted), source: 'submitted' };
}

/** The path of a file inside its repository, for history and edit links. */
export function repositoryPath(absFile: string, root: string, history: GitHistory): string {
  if (history.toplevel) return path.relative(history.toplevel, absFile).split(path.sep).join('/');
  return ['content', ...path.relative(root, absFile).split(path.sep)].join('/');
}
