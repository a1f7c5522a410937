/**
 * The lessons newly published on main: lesson files added between a commit and HEAD (git diff,
 * run without a shell), read with the project's parser and kept only when they belong to the
 * chosen edition — the public edition by default, so an email never carries a record that is
 * not public unless the list is configured for the responders edition.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { layouts } from '../../../schemas/layout.ts';
import { inEdition, type Edition } from '../edition.ts';
import { parseRecord } from '../parse-record.ts';

export interface PublishedLesson {
  id: string;
  kind: string;
  title: string;
  summary: string;
  date: string;
  classification: string;
}

/** A revision given on the command line: a commit SHA or HEAD~N / HEAD^ (nothing a shell or git could read as an option). */
export function checkedRevision(rev: string): string {
  if (/^[0-9a-f]{7,64}$/i.test(rev) || /^HEAD(?:~\d{1,4}|\^{1,4})?$/.test(rev)) return rev;
  throw new Error(`Expected --since to be a commit SHA or HEAD~N, found "${rev.slice(0, 80)}"`);
}

export function addedLessonFiles(repoRoot: string, contentRoot: string, since: string): string[] {
  const folder = path
    .relative(repoRoot, path.join(contentRoot, layouts.lessons.folder))
    .split(path.sep)
    .join('/');
  const out = execFileSync(
    'git',
    [
      'diff',
      '--name-only',
      '-z',
      '--no-renames',
      '--diff-filter=A',
      `${checkedRevision(since)}..HEAD`,
      '--',
      folder,
    ],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  return out
    .split('\0')
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(repoRoot, f));
}

export function newlyPublished(
  repoRoot: string,
  contentRoot: string,
  since: string,
  edition: Edition,
): PublishedLesson[] {
  const lessons: PublishedLesson[] = [];
  for (const file of addedLessonFiles(repoRoot, contentRoot, since)) {
    if (!fs.existsSync(file)) continue;
    const { data } = parseRecord(fs.readFileSync(file, 'utf8'), 'markdown');
    if (!data) continue;
    const id = path.basename(file, '.md');
    if (!inEdition({ collection: 'lessons', id, data }, edition, () => undefined)) continue;
    lessons.push({
      id,
      kind: String(data.kind ?? ''),
      title: String(data.title ?? id),
      summary: String(data.summary ?? ''),
      date: String(data.date ?? ''),
      classification: String(data.classification ?? ''),
    });
  }
  return lessons.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}
