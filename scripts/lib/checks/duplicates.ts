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
  const refs = (r: RecordSummary) => [
    ...(Array.isArray(r.data.related) ? r.data.related : []),
    r.data.superseded_by,
  ];
  return refs(a).includes(b.id) || refs(b).includes(a.id);
}

export const duplicatesCheck: RepositoryCheck = {
  id: 'duplicates',
  run(repo, report) {
    const lessons = [...repo.records.lessons.values()];
    const toks = new Map<RecordSummary, Set<string>>();
    const df = new Map<string, number>();
    for (const lesson of lessons) {
      const set = lesson.tokens ? new Set(lesson.tokens) : lessonTokens(lesson.data);
      toks.set(lesson, set);
      for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const maxPostings = Math.max(20, Math.ceil(lessons.length * 0.02));
    const distinctive = (t: string) => df.get(t)! <= maxPostings;
    const subjects = repo.changed ? lessons.filter((l) => repo.changed!.has(l.file)) : lessons;

    let candidatesOf: (lesson: RecordSummary) => Map<RecordSummary, number>;
    if (subjects.length <= 50) {
      candidatesOf = (lesson) => {
        const mine = toks.get(lesson)!;
        const shared = new Map<RecordSummary, number>();
        for (const other of lessons) {
          if (other === lesson) continue;
          let count = 0;
          for (const t of toks.get(other)!) if (mine.has(t) && distinctive(t)) count++;
          if (count > 0) shared.set(other, count);
        }
        return shared;
      };
    } else {
      const index = new Map<string, RecordSummary[]>();
      for (const lesson of lessons) {
        for (const t of toks.get(lesson)!) {
          if (!distinctive(t)) continue;
          let list = index.get(t);
          if (!list) index.set(t, (list = []));
          list.push(lesson);
        }
      }
      candidatesOf = (lesson) => {
        const shared = new Map<RecordSummary, number>();
        for (const t of toks.get(lesson)!) {
          for (const other of index.get(t) ?? [])
            if (other !== lesson) shared.set(other, (shared.get(other) ?? 0) + 1);
        }
        return shared;
      };
    }

    for (const lesson of subjects) {
      let best: { other: RecordSummary; score: number } | undefined;
      for (const [other, count] of candidatesOf(lesson)) {
        if (count < MIN_SHARED || isEarlier(lesson, other) || linked(lesson, other)) continue;
        const score = lessonSimilarity(toks.get(lesson)!, toks.get(other)!);
        if (score >= DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { other, score };
      }
      if (best) {
        report(
          lesson,
          { path: ['title'] },
          'duplicates/similar-lesson',
          `This lesson looks like ${best.other.id} ("${String(best.other.data.title)}", ${Math.round(best.score * 100)}% similar); check it is not a duplicate, and list it in related if they belong together`,
          { severity: 'warning', target: best.other },
        );
      }
    }
  },
};
