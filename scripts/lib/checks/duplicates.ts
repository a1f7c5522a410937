/**
 * Check 8: likely duplicates. A lesson whose title and summary are close to an earlier lesson's
 * is reported as a warning naming the earlier one, unless either already lists the other as
 * related or superseded. Only distinctive words count (words in more than 2 % of lessons say
 * nothing about duplication); a full run compares through an inverted index of those words, a
 * PR-mode run scans every lesson once for each changed one.
 */
import { lessonSimilarity, lessonTokens } from '../similarity.ts';
import type { RecordSummary, RepositoryCheck } from './types.ts';

/** Similarity (0–1) at or above which two lessons are reported as likely duplicates. */
export const DUPLICATE_THRESHOLD = 0.6;
/** Distinctive words two lessons must share before they are compared at all. */
const MIN_SHARED = 3;

function isEarlier(a: RecordSummary, b: RecordSummary): boolean {
  const sa = String(a.data.submitted ?? '');
  const sb = String(b.data.submitted ?? '');
  return sa < sb || (sa === sb && a.id < b.id);
}

function linked(a: RecordSummary, b: RecordSummary): boolean {
  const refs = (r: RecordSummary): unknown[] => [
    ...(Array.isArray(r.data.related) ? (r.data.related as unknown[]) : []),
    r.data.superseded_by,
  ];
  return refs(a).includes(b.id) || refs(b).includes(a.id);
}

/** A lesson's distinct words: those its summary carries, else worked out from its data. */
function tokensOf(lesson: RecordSummary): readonly string[] {
  return lesson.tokens ?? [...lessonTokens(lesson.data)];
}

export const duplicatesCheck: RepositoryCheck = {
  id: 'duplicates',
  run(repo, report) {
    const lessons = [...repo.records.lessons.values()];
    const maxPostings = Math.max(20, Math.ceil(lessons.length * 0.02));
    const subjects = repo.changed ? lessons.filter((l) => repo.changed!.has(l.file)) : lessons;
    const found =
      subjects.length <= 50
        ? scan(lessons, subjects, maxPostings)
        : indexed(lessons, subjects, maxPostings);
    for (const { lesson, other, score } of found) {
      report(
        lesson,
        { path: ['title'] },
        'duplicates/similar-lesson',
        `This lesson looks like ${other.id} ("${String(other.data.title)}", ${Math.round(score * 100)}% similar); check it is not a duplicate, and list it in related if they belong together`,
        { severity: 'warning', target: other },
      );
    }
  },
};

interface Match {
  lesson: RecordSummary;
  other: RecordSummary;
  score: number;
}

/** The closest earlier, unlinked lesson at or above the threshold among the candidates. */
function best(
  lesson: RecordSummary,
  mine: ReadonlySet<string>,
  candidates: Iterable<[RecordSummary, number]>,
  setOf: (other: RecordSummary) => ReadonlySet<string>,
): Match | undefined {
  let found: Match | undefined;
  for (const [other, count] of candidates) {
    if (count < MIN_SHARED || isEarlier(lesson, other) || linked(lesson, other)) continue;
    const score = lessonSimilarity(mine, setOf(other));
    if (score >= DUPLICATE_THRESHOLD && (!found || score > found.score))
      found = { lesson, other, score };
  }
  return found;
}

/**
 * A few changed lessons (PR mode): every lesson is scanned once for each, and only the words of
 * the changed lessons are counted, so no set is built for the other lessons' words unless one
 * becomes a candidate.
 */
function scan(lessons: RecordSummary[], subjects: RecordSummary[], maxPostings: number): Match[] {
  const mine = new Map(subjects.map((s) => [s, new Set(tokensOf(s))]));
  const df = new Map<string, number>();
  for (const set of mine.values()) for (const t of set) df.set(t, 0);
  const toks = new Map<RecordSummary, readonly string[]>();
  for (const lesson of lessons) {
    const list = tokensOf(lesson);
    toks.set(lesson, list);
    for (const t of list) {
      const n = df.get(t);
      if (n !== undefined) df.set(t, n + 1);
    }
  }
  const sets = new Map<RecordSummary, ReadonlySet<string>>(mine);
  const setOf = (other: RecordSummary) => {
    let set = sets.get(other);
    if (!set) sets.set(other, (set = new Set(toks.get(other))));
    return set;
  };
  const found: Match[] = [];
  for (const [lesson, words] of mine) {
    const distinctive = new Set([...words].filter((t) => df.get(t)! <= maxPostings));
    const shared = new Map<RecordSummary, number>();
    for (const other of lessons) {
      if (other === lesson) continue;
      let count = 0;
      for (const t of toks.get(other)!) if (distinctive.has(t)) count++;
      if (count > 0) shared.set(other, count);
    }
    const match = best(lesson, words, shared, setOf);
    if (match) found.push(match);
  }
  return found;
}

/** Many changed lessons, or a full run: candidates through an inverted index of the distinctive words. */
function indexed(
  lessons: RecordSummary[],
  subjects: RecordSummary[],
  maxPostings: number,
): Match[] {
  const toks = new Map<RecordSummary, Set<string>>();
  const df = new Map<string, number>();
  for (const lesson of lessons) {
    const set = new Set(tokensOf(lesson));
    toks.set(lesson, set);
    for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const index = new Map<string, RecordSummary[]>();
  for (const lesson of lessons) {
    for (const t of toks.get(lesson)!) {
      if (df.get(t)! > maxPostings) continue;
      let list = index.get(t);
      if (!list) index.set(t, (list = []));
      list.push(lesson);
    }
  }
  const found: Match[] = [];
  for (const lesson of subjects) {
    const shared = new Map<RecordSummary, number>();
    for (const t of toks.get(lesson)!) {
      for (const other of index.get(t) ?? [])
        if (other !== lesson) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const match = best(lesson, toks.get(lesson)!, shared, (other) => toks.get(other)!);
    if (match) found.push(match);
  }
  return found;
}
