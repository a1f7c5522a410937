/**
 * Gives a generated content root a Git history, so that a benchmark's build reads history as a
 * real library's does (closed quarters, assurance history, lifecycle dates). The folder holding
 * the content root becomes a repository, made with one `git fast-import` of dated commits:
 * - the organisations, events and action notes, the day before the first lesson;
 * - the lessons, one commit per month of their `submitted` date, dated the month's last day
 *   (no later than `until`), so a lesson without `published` is published then;
 * - each assurance return twice: an earlier version a month after its note was issued (each
 *   state one step behind: implemented becomes in-progress, in-progress not-started, no
 *   evidence), and the file as generated four months after issue (no later than `until`).
 * The last version of every file is the file on disk, so the work tree is clean afterwards.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export interface CorpusHistory {
  commits: number;
  /** File versions committed (each return counts twice). */
  versions: number;
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
const monthEnd = (date: string) =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
const BEHIND: Record<string, string> = {
  implemented: 'in-progress',
  'not-applicable': 'in-progress',
  'in-progress': 'not-started',
};

/** Commits `contentRoot` (a folder directly inside `repo`) as a history of dated commits. */
export function commitCorpusHistory(
  repo: string,
  contentRoot: string,
  until = '2026-06-30',
): CorpusHistory {
  const prefix = path.relative(repo, contentRoot).split(path.sep).join('/');
  const files = (dir: string) =>
    fs.existsSync(path.join(contentRoot, dir))
      ? fs
          .readdirSync(path.join(contentRoot, dir), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) =>
            path.relative(contentRoot, path.join(e.parentPath, e.name)).split(path.sep).join('/'),
          )
          .sort()
      : [];
  const read = (rel: string) => fs.readFileSync(path.join(contentRoot, rel));
  const field = (text: string, name: string) =>
    new RegExp(`^${name}:\\s*['"]?(\\d{4}-\\d{2}-\\d{2})`, 'm').exec(text)?.[1];
  const cap = (date: string) => (date < until ? date : until);

  /** Versions by commit date: [path, contents]. */
  const byDate = new Map<string, [string, Buffer][]>();
  const put = (date: string, rel: string, data: Buffer) => {
    const list = byDate.get(date) ?? [];
    list.push([rel, data]);
    byDate.set(date, list);
  };
  let firstLesson = until;
  for (const rel of files('lessons')) {
    const data = read(rel);
    const submitted = field(data.toString('utf8'), 'submitted') ?? until;
    if (submitted < firstLesson) firstLesson = submitted;
    put(cap(monthEnd(submitted)), rel, data);
  }
  const issued = new Map<string, string>();
  for (const rel of files('action-notes'))
    issued.set(
      path.basename(rel, '.md'),
      field(read(rel).toString('utf8'), 'issued') ?? firstLesson,
    );
  for (const rel of files('assurance')) {
    const data = read(rel);
    const note = rel.split('/')[1]!;
    const from = issued.get(note) ?? firstLesson;
    const doc = parse(data.toString('utf8')) as {
      returns?: { recommendation: string; state: string }[];
    };
    const earlier = stringify({
      updated: addDays(from, 30),
      returns: (doc.returns ?? []).map((e) => ({
        recommendation: e.recommendation,
        state: BEHIND[e.state] ?? e.state,
      })),
    });
    const [first, second] = [cap(addDays(from, 31)), cap(addDays(from, 120))];
    if (first < second) put(first, rel, Buffer.from(earlier));
    put(second, rel, data);
  }
  const start = addDays(firstLesson < until ? firstLesson : until, -1);
  for (const rel of files('.')) {
    if (/^(lessons|assurance)\//.test(rel)) continue;
    put(start, rel, read(rel));
  }

  const chunks: Buffer[] = [];
  const out = (s: string | Buffer) => chunks.push(Buffer.isBuffer(s) ? s : Buffer.from(s));
  const dates = [...byDate.keys()].sort();
  let versions = 0;
  for (const date of dates) {
    const msg = `content of ${date}`;
    out(
      `commit refs/heads/main\ncommitter Bench <bench@example.org> ${Date.parse(`${date}T10:00:00Z`) / 1000} +0000\ndata ${msg.length}\n${msg}\n`,
    );
    for (const [rel, data] of byDate.get(date)!) {
      out(`M 100644 inline ${prefix}/${rel}\ndata ${data.length}\n`);
      out(data);
      out('\n');
      versions++;
    }
  }
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: Buffer.concat(chunks) });
  // The index as HEAD (the files on disk are its last versions already).
  execFileSync('git', ['read-tree', 'HEAD'], { cwd: repo });
  return { commits: dates.length, versions };
}
