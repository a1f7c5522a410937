/**
 * A lesson's quarter comes from its published date: the date in the file, else the day it
 * first reached the main branch (Git history), else `submitted`. A real temporary Git
 * repository whose lessons have no `published` field, committed on chosen dates, is built:
 * each lesson appears on the digest of its commit's quarter. A shallow clone of it builds too,
 * falls back to the submitted dates, and says so in the build log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../helpers/git.ts';
import { lessonFile } from '../helpers/lesson-file.ts';
import { type BuiltSite, FIXTURES, buildSite, page } from './build-site.ts';
import { elements, parse } from './html.ts';

let repo: string;
let clone: string;
let full: BuiltSite;
let shallow: BuiltSite;

/** A valid lesson identified; `published` only when given. */
function lesson(id: string, submitted: string, published?: string): string {
  return lessonFile(
    [
      'kind: lesson-identified',
      `title: Lesson ${id.slice(11)} about joint working at the scene`,
      'summary: Commanders from each service met late at the scene, so the joint picture of risks was built more slowly than it should have been.',
      `date: ${id.slice(0, 10)}`,
      'source: exercise',
      'submitted_by: northshire-police',
      `submitted: ${submitted}`,
      ...(published ? [`published: ${published}`] : []),
      'criteria:',
      '  - interoperability',
      'classification: official',
      'public: true',
    ],
    {
      whatHappened: 'Commanders met late.',
      whyItMatters: 'Joint decisions waited.',
      recommendation: 'Meet at the first rendezvous point.',
    },
  );
}

// id, submitted, published in the file, commit date → the quarter expected from history, and from submitted alone.
const LESSONS = [
  {
    id: '2024-01-02-first',
    submitted: '2024-01-05',
    commit: '2024-01-10',
    gitQuarter: '2024-q1',
    shallowQuarter: '2024-q1',
  },
  {
    id: '2024-01-20-second',
    submitted: '2024-02-01',
    commit: '2024-05-02',
    gitQuarter: '2024-q2',
    shallowQuarter: '2024-q1',
  },
  {
    id: '2024-02-15-third',
    submitted: '2024-03-01',
    commit: '2024-10-15',
    gitQuarter: '2024-q4',
    shallowQuarter: '2024-q1',
  },
  {
    id: '2024-02-20-fourth',
    submitted: '2024-03-02',
    published: '2024-08-01',
    commit: '2024-11-20',
    gitQuarter: '2024-q3',
    shallowQuarter: '2024-q3',
  },
];

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-digest-git-'));
  git(repo, ['init', '-q', '-b', 'main']);
  const content = path.join(repo, 'content');
  fs.mkdirSync(path.join(content, 'lessons'), { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'editions/organisations'), path.join(content, 'organisations'), {
    recursive: true,
  });
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'organisations'], '2023-12-01');
  for (const l of LESSONS) {
    fs.writeFileSync(
      path.join(content, 'lessons', `${l.id}.md`),
      lesson(l.id, l.submitted, l.published),
    );
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', l.id], l.commit);
  }
  clone = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-digest-shallow-'));
  fs.rmSync(clone, { recursive: true });
  git(os.tmpdir(), ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
  full = buildSite({ contentDir: content, today: '2025-06-30' });
  shallow = buildSite({ contentDir: path.join(clone, 'content'), today: '2025-06-30' });
  if (!full.ok) throw new Error(`build failed:\n${full.log}`);
  if (!shallow.ok) throw new Error(`shallow build failed:\n${shallow.log}`);
}, 300_000);

afterAll(() => {
  full?.cleanup();
  shallow?.cleanup();
  for (const d of [repo, clone]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

/** Lesson ids on a digest page (every lesson of the quarter is listed under its principles or "none"). */
function digestLessons(site: BuiltSite, quarter: string): string[] {
  const rel = page(`digests/${quarter}/`);
  if (!site.exists(rel)) return [];
  const table = elements(
    parse(site.read(rel)),
    (e) => e.properties.dataGrouping === 'principle',
  )[0];
  return table
    ? [
        ...new Set(
          elements(table as never, (e) => e.properties.dataLesson !== undefined).map((e) =>
            String(e.properties.dataLesson),
          ),
        ),
      ].sort()
    : [];
}

function expectedByQuarter(key: 'gitQuarter' | 'shallowQuarter'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of LESSONS) (out[l[key]] ??= []).push(l.id);
  for (const q of Object.keys(out)) out[q]!.sort();
  return out;
}

describe('digest quarters from Git history', () => {
  it('puts each lesson without a published date on the digest of the quarter its commit reached main', () => {
    const expected = expectedByQuarter('gitQuarter');
    expect(Object.keys(expected).sort()).toEqual(['2024-q1', '2024-q2', '2024-q3', '2024-q4']);
    for (const q of ['2024-q1', '2024-q2', '2024-q3', '2024-q4'])
      expect(digestLessons(full, q), q).toEqual(expected[q]);
    const exported = (
      JSON.parse(full.read('data/lessons.json')) as { records: { id: string; published: string }[] }
    ).records;
    expect(Object.fromEntries(exported.map((l) => [l.id, l.published]))).toEqual({
      '2024-01-02-first': '2024-01-10',
      '2024-01-20-second': '2024-05-02',
      '2024-02-15-third': '2024-10-15',
      '2024-02-20-fourth': '2024-08-01',
    });
    expect(full.read(page('lessons/2024-01-20-second/'))).toContain(
      '(when the file reached the main branch)',
    );
    expect(full.log).not.toMatch(/Published dates:/);
  });

  it('builds a shallow clone, falls back to the submitted dates and says so in the build log', () => {
    expect(git(clone, ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
    expect(shallow.log).toMatch(
      /Published dates: the repository is a shallow clone, so the history is incomplete; lessons without a published date use their submitted date\./,
    );
    const expected = expectedByQuarter('shallowQuarter');
    expect(Object.keys(expected).sort()).toEqual(['2024-q1', '2024-q3']);
    for (const q of ['2024-q1', '2024-q2', '2024-q3', '2024-q4'])
      expect(digestLessons(shallow, q), q).toEqual(expected[q] ?? []);
    expect(shallow.exists(page('digests/2024-q2/'))).toBe(false);
    // A closed quarter's digest says it is made from the current files, not history it lacks.
    expect(shallow.log).toMatch(/Record history is not available/);
    expect(shallow.read(page('digests/2024-q1/'))).toContain('History not available');
    expect(full.read(page('digests/2024-q1/'))).not.toContain('History not available');
    expect(shallow.read(page('lessons/2024-01-20-second/'))).toContain(
      '(the submitted date: no published date or Git history)',
    );
  });
});
