/**
 * The content's history from Git, read once per build, and the published date of each lesson.
 *
 * History is read with ONE `git log` for the whole content root (never one call per file):
 * first-parent history of HEAD, so a file merged in a pull request dates from the merge, and
 * renames are followed so that moving a file keeps its history. The same pass gives
 * - when each file first reached the branch and last changed (published and changed dates);
 * - every version of each assurance return (`assurance/<note>/<org>.yaml`), parsed: its
 *   states and `updated`, recorded on the date of the commit that brought it into the branch,
 *   and the day a removed return went;
 * - every `status` of each lesson and action note, with the date it was recorded.
 * The versions' contents come from one `git cat-file --batch` process. The parsed history is
 * cached under the cache folder keyed by HEAD's commit, so a rebuild without a new commit
 * reads nothing from Git but HEAD. In a shallow clone or outside Git the history is missing
 * or wrong: nothing is read, every file falls back to its current version, and the build
 * says so once.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** One version of a lesson's or action note's `status`; `status: null` when the file was removed. */
export interface StatusVersion {
  /** Date of the commit that brought this version into the branch (YYYY-MM-DD). */
  recorded: string;
  /** That commit's SHA (abbreviated to 12). */
  commit: string;
  status: string | null;
}

export interface ReturnState {
  recommendation: string;
  state: string;
  evidence?: string;
}

/** One version of an assurance return; `entries: null` when the file was removed that day. */
export interface ReturnVersion {
  recorded: string;
  commit: string;
  /** The file's own `updated` at this version (the reported date). */
  updated: string | null;
  entries: ReturnState[] | null;
}

export interface GitHistory {
  /** Why history is not used, or undefined when it is. */
  unavailable?: string;
  /** The top folder of the Git work tree holding the content root. */
  toplevel?: string;
  /** HEAD's commit, when history was read. */
  head?: string;
  /** First day each file (absolute path) reached the branch, committer date YYYY-MM-DD. */
  firstAdded: Map<string, string>;
  /** Last day each file (absolute path) changed on the branch. */
  lastChanged: Map<string, string>;
  /** Versions of each assurance return, oldest first, by `<note>/<organisation>`. */
  returns: Map<string, ReturnVersion[]>;
  /** Versions of each lesson's status, oldest first, by lesson id. */
  lessons: Map<string, StatusVersion[]>;
  /** Versions of each action note's status, oldest first, by note id. */
  notes: Map<string, StatusVersion[]>;
}

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 1024 * 1024 * 1024,
  });
}

function emptyHistory(unavailable?: string, toplevel?: string): GitHistory {
  return {
    unavailable,
    toplevel,
    firstAdded: new Map(),
    lastChanged: new Map(),
    returns: new Map(),
    lessons: new Map(),
    notes: new Map(),
  };
}

/** Which record a path (relative to the content root) is, for the histories kept per record. */
function recordOf(rel: string): { kind: 'returns' | 'lessons' | 'notes'; key: string } | undefined {
  let m = /^assurance\/([^/]+)\/([^/]+)\.yaml$/.exec(rel);
  if (m) return { kind: 'returns', key: `${m[1]}/${m[2]}` };
  m = /^lessons\/([^/]+)\.md$/.exec(rel);
  if (m) return { kind: 'lessons', key: m[1]! };
  m = /^action-notes\/([^/]+)\.md$/.exec(rel);
  if (m) return { kind: 'notes', key: m[1]! };
  return undefined;
}

/** The `status` in a Markdown record's frontmatter (read by pattern: only that field is needed). */
export function frontmatterStatus(text: string, fallback: string): string {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const m = fm && /^status:[ \t]*['"]?([a-z-]+)['"]?[ \t]*(?:#.*)?$/m.exec(fm[1]!);
  return m ? m[1]! : fallback;
}

/** The states of one version of a return file, or undefined when that version cannot be read. */
export function returnVersion(
  text: string,
): { updated: string | null; entries: ReturnState[] } | undefined {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const d = data as { updated?: unknown; returns?: unknown };
  const entries: ReturnState[] = [];
  for (const e of Array.isArray(d.returns) ? (d.returns as unknown[]) : []) {
    if (!e || typeof e !== 'object') continue;
    const { recommendation, state, evidence } = e as Record<string, unknown>;
    if (typeof recommendation !== 'string' || typeof state !== 'string') continue;
    entries.push({
      recommendation,
      state,
      ...(typeof evidence === 'string' ? { evidence } : {}),
    });
  }
  return { updated: typeof d.updated === 'string' ? d.updated : null, entries };
}

/** Blob contents by SHA, from one `git cat-file --batch`. */
function readBlobs(cwd: string, shas: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (shas.length === 0) return out;
  const buf = execFileSync('git', ['cat-file', '--batch'], {
    cwd,
    input: shas.join('\n') + '\n',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 4 * 1024 * 1024 * 1024,
  });
  let at = 0;
  while (at < buf.length) {
    const eol = buf.indexOf(10, at);
    if (eol < 0) break;
    const [sha = '', type, size] = buf.toString('latin1', at, eol).split(' ');
    at = eol + 1;
    if (type === undefined || size === undefined) continue; // "<sha> missing"
    const n = Number(size);
    out.set(sha, buf.toString('utf8', at, at + n));
    at += n + 1;
  }
  return out;
}

interface CachedHistory {
  version: 1;
  firstAdded: [string, string][];
  lastChanged: [string, string][];
  returns: [string, ReturnVersion[]][];
  lessons: [string, StatusVersion[]][];
  notes: [string, StatusVersion[]][];
}
const ZERO = /^0+$/;

/**
 * Reads the history of every file under `root` in one `git log` (plus one `git cat-file` for
 * the versions' contents). With `cacheDir`, the result is kept there keyed by HEAD's commit.
 */
export function readGitHistory(root: string, cacheDir?: string): GitHistory {
  let toplevel: string;
  try {
    toplevel = git(root, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return emptyHistory(`${root} is not inside a Git repository`);
  }
  try {
    if (git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true')
      return emptyHistory(
        'the repository is a shallow clone, so the history is incomplete',
        toplevel,
      );
  } catch {
    // Older Git without the flag: treat as complete history.
  }
  let head: string;
  let prefix: string;
  try {
    head = git(root, ['rev-parse', 'HEAD']).trim();
    prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.trim() || String(error);
    // A repository without commits has no history yet.
    return emptyHistory(`Git history could not be read (${message.split('\n')[0]})`, toplevel);
  }
  const cacheFile = cacheDir
    ? path.join(
        cacheDir,
        `git-history-${createHash('sha1').update(`${toplevel}\0${prefix}`).digest('hex').slice(0, 12)}-${head}.json`,
      )
    : undefined;
  if (cacheFile) {
    try {
      const c = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CachedHistory;
      if (c.version === 1)
        return {
          toplevel,
          head,
          firstAdded: new Map(c.firstAdded),
          lastChanged: new Map(c.lastChanged),
          returns: new Map(c.returns),
          lessons: new Map(c.lessons),
          notes: new Map(c.notes),
        };
    } catch {
      // No cache for this commit yet.
    }
  }
  let log: string;
  try {
    // %x1e separates commits; oldest first so that the first sighting of a path wins. --raw
    // gives each changed file's new blob, read afterwards in one cat-file process.
    log = git(root, [
      '-c',
      'core.quotePath=false',
      'log',
      '--first-parent',
      '--diff-merges=first-parent',
      '--reverse',
      '-M',
      '--raw',
      '--no-abbrev',
      '--format=%x1e%H %cs',
      '--',
      '.',
    ]);
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.trim() || String(error);
    return emptyHistory(`Git history could not be read (${message.split('\n')[0]})`, toplevel);
  }
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  // Versions of the records kept per record, before their contents are read.
  type Pending = { recorded: string; commit: string; blob: string | null };
  const pending = {
    returns: new Map<string, Pending[]>(),
    lessons: new Map<string, Pending[]>(),
    notes: new Map<string, Pending[]>(),
  };
  const version = (rel: string, v: Pending, renamedFrom?: string) => {
    const inRoot = (p: string) =>
      p.startsWith(prefix) ? recordOf(p.slice(prefix.length)) : undefined;
    const to = inRoot(rel);
    let carried: Pending[] | undefined;
    if (renamedFrom !== undefined) {
      const from = inRoot(renamedFrom);
      if (from) {
        carried = pending[from.kind].get(from.key);
        pending[from.kind].delete(from.key);
      }
    }
    if (!to) return;
    const list = pending[to.kind].get(to.key) ?? carried ?? [];
    if (carried && list !== carried) list.push(...carried);
    list.push(v);
    pending[to.kind].set(to.key, list);
  };
  for (const chunk of log.split('\x1e')) {
    const lines = chunk.split('\n').filter((l) => l !== '');
    const header = lines.shift();
    if (!header) continue;
    const [sha = '', date = ''] = header.split(' ');
    const commit = sha.slice(0, 12);
    for (const line of lines) {
      if (!line.startsWith(':')) continue;
      const [meta = '', a, b] = line.split('\t');
      if (!a) continue;
      const fields = meta.split(' ');
      const blob = fields[3] ?? '';
      const status = fields[4] ?? '';
      if (status.startsWith('R') && b) {
        first.set(b, first.get(a) ?? date);
        last.set(b, date);
        version(b, { recorded: date, commit, blob }, a);
      } else if (status === 'D') {
        version(a, { recorded: date, commit, blob: null });
      } else {
        if (status === 'A' && !first.has(a)) first.set(a, date);
        last.set(a, date);
        version(a, { recorded: date, commit, blob: ZERO.test(blob) ? null : blob });
      }
    }
  }
  const blobs = readBlobs(root, [
    ...new Set(
      [...pending.returns.values(), ...pending.lessons.values(), ...pending.notes.values()]
        .flat()
        .map((v) => v.blob)
        .filter((b): b is string => b !== null),
    ),
  ]);
  const history = emptyHistory(undefined, toplevel);
  history.head = head;
  for (const [repoPath, date] of first) history.firstAdded.set(path.join(toplevel, repoPath), date);
  for (const [repoPath, date] of last) history.lastChanged.set(path.join(toplevel, repoPath), date);
  for (const [key, list] of pending.returns) {
    const versions: ReturnVersion[] = [];
    for (const v of list) {
      if (v.blob === null) {
        versions.push({ recorded: v.recorded, commit: v.commit, updated: null, entries: null });
        continue;
      }
      const parsed = returnVersion(blobs.get(v.blob) ?? '');
      // A version that cannot be read (broken YAML) leaves the return as it was.
      if (parsed) versions.push({ recorded: v.recorded, commit: v.commit, ...parsed });
    }
    history.returns.set(key, versions);
  }
  for (const [kind, fallback] of [
    ['lessons', 'identified'],
    ['notes', 'open'],
  ] as const) {
    for (const [key, list] of pending[kind])
      history[kind].set(
        key,
        list.map((v) => ({
          recorded: v.recorded,
          commit: v.commit,
          status: v.blob === null ? null : frontmatterStatus(blobs.get(v.blob) ?? '', fallback),
        })),
      );
  }
  if (cacheFile) {
    const c: CachedHistory = {
      version: 1,
      firstAdded: [...history.firstAdded],
      lastChanged: [...history.lastChanged],
      returns: [...history.returns],
      lessons: [...history.lessons],
      notes: [...history.notes],
    };
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      // Written whole under another name and renamed, so a parallel build never reads half a file.
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(c));
      fs.renameSync(tmp, cacheFile);
      // Only the newest commit's history is kept for this content root.
      const stem = path.basename(cacheFile).slice(0, -`${head}.json`.length);
      for (const f of fs.readdirSync(path.dirname(cacheFile)))
        if (f.startsWith(stem) && f !== path.basename(cacheFile))
          fs.rmSync(path.join(path.dirname(cacheFile), f), { force: true });
    } catch {
      // A read-only cache folder only costs the next build the Git read.
    }
  }
  return history;
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
