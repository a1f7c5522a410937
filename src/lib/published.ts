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
  /** True when HEAD's history came from the cache folder (no `git log` was run). */
  cached?: boolean;
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

/** An organisation's or action note's own record: whose id a return's path is made of. */
function idOf(rel: string): { kind: 'organisations' | 'notes'; id: string } | undefined {
  let m = /^organisations\/([^/]+)\.yaml$/.exec(rel);
  if (m) return { kind: 'organisations', id: m[1]! };
  m = /^action-notes\/([^/]+)\.md$/.exec(rel);
  if (m) return { kind: 'notes', id: m[1]! };
  return undefined;
}

/**
 * Whether a file Git saw renamed is the same record under a new id, so that its history moves
 * with it. A lesson or action note: always. An assurance return (`<note>/<organisation>`):
 * only when each part is unchanged or was renamed in the same commit by its own record
 * (`organisations/<id>.yaml`, `action-notes/<id>.md`). Otherwise Git only paired two similar
 * files, such as one organisation's return removed and another's added in one commit.
 */
function follows(
  from: { kind: string; key: string },
  to: { kind: string; key: string },
  renamedIds: ReadonlyMap<string, string>,
): boolean {
  if (from.kind !== to.kind) return false;
  if (from.kind !== 'returns') return true;
  const [fromNote, fromOrg] = from.key.split('/') as [string, string];
  const [toNote, toOrg] = to.key.split('/') as [string, string];
  const same = (kind: string, a: string, b: string) =>
    a === b || renamedIds.get(`${kind}:${a}`) === b;
  return same('notes', fromNote, toNote) && same('organisations', fromOrg, toOrg);
}

/** The `status` in a Markdown record's frontmatter (read by pattern: only that field is needed). */
function frontmatterStatus(text: string, fallback: string): string {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const m = fm && /^status:[ \t]*['"]?([a-z-]+)['"]?[ \t]*(?:#.*)?$/m.exec(fm[1]!);
  return m ? m[1]! : fallback;
}

/** The states of one version of a return file, or undefined when that version cannot be read. */
function returnVersion(
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
          cached: true,
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
  const inRoot = (p: string) =>
    p.startsWith(prefix) ? recordOf(p.slice(prefix.length)) : undefined;
  const add = (rec: { kind: keyof typeof pending; key: string }, v: Pending) => {
    const list = pending[rec.kind].get(rec.key) ?? [];
    list.push(v);
    pending[rec.kind].set(rec.key, list);
  };
  for (const chunk of log.split('\x1e')) {
    const lines = chunk.split('\n').filter((l) => l !== '');
    const header = lines.shift();
    if (!header) continue;
    const [sha = '', date = ''] = header.split(' ');
    const commit = sha.slice(0, 12);
    const changes = lines
      .filter((line) => line.startsWith(':'))
      .map((line) => {
        const [meta = '', a = '', b] = line.split('\t');
        const fields = meta.split(' ');
        return { a, b, blob: fields[3] ?? '', status: fields[4] ?? '' };
      })
      .filter((c) => c.a !== '');
    // Organisations and action notes whose id changed in this commit (their record renamed).
    const renamedIds = new Map<string, string>();
    for (const { a, b, status } of changes) {
      if (!status.startsWith('R') || !b) continue;
      const from = idOf(a.slice(prefix.length));
      const to = idOf(b.slice(prefix.length));
      if (a.startsWith(prefix) && b.startsWith(prefix) && from && to && from.kind === to.kind)
        renamedIds.set(`${from.kind}:${from.id}`, to.id);
    }
    for (const { a, b, blob, status } of changes) {
      if (status.startsWith('R') && b) {
        const from = inRoot(a);
        const to = inRoot(b);
        const v: Pending = { recorded: date, commit, blob };
        // Any other file (an organisation, an event) keeps its first date when it moves.
        if (from && to ? follows(from, to, renamedIds) : !from && !to) {
          first.set(b, first.get(a) ?? date);
          last.set(b, date);
          if (!from || !to) continue;
          const carried = pending[from.kind].get(from.key) ?? [];
          pending[from.kind].delete(from.key);
          // A path that held an earlier, removed record: both histories, oldest first.
          const earlier = pending[to.kind].get(to.key) ?? [];
          const list = earlier.length
            ? [...earlier, ...carried].sort((x, y) => x.recorded.localeCompare(y.recorded))
            : [...carried];
          // Moved unchanged: the same version, not a new one.
          if (carried.at(-1)?.blob !== blob) list.push(v);
          pending[to.kind].set(to.key, list);
        } else {
          // Not the same record under a new id (Git paired two similar files, or a record
          // moved in or out of its collection): the old one was removed, the new one added.
          if (from) add(from, { recorded: date, commit, blob: null });
          first.set(b, date);
          last.set(b, date);
          if (to) add(to, v);
        }
      } else if (status === 'D') {
        const rec = inRoot(a);
        if (rec) add(rec, { recorded: date, commit, blob: null });
      } else {
        if (status === 'A' && !first.has(a)) first.set(a, date);
        last.set(a, date);
        const rec = inRoot(a);
        if (rec) add(rec, { recorded: date, commit, blob: ZERO.test(blob) ? null : blob });
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
