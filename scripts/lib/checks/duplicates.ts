/**
 * Check 8: likely duplicates. A lesson whose title and summary are close to an earlier lesson's
 * is reported as a warning naming the earlier one. Candidates come from an inverted index of
 * distinctive words, so the check stays near-linear on tens of thousands of lessons.
 */
import { lessonSimilarity, tokens } from '../similarity.ts';
import type { RecordSummary, RepositoryCheck } from './types.ts';

/** Similarity (0–1) at or above which two lessons are reported as likely duplicates. */
export const DUPLICATE_THRESHOLD = 0.6;

function text(record: RecordSummary): string {
  return `${String(record.data.title ?? '')} ${String(record.data.summary ?? '')}`;
}

function isEarlier(a: RecordSummary, b: RecordSummary): boolean {
  const sa = String(a.data.submitted ?? '');
  const sb = String(b.data.submitted ?? '');
  return sa < sb || (sa === sb && a.id < b.id);
}

export const duplicatesCheck: RepositoryCheck = {
  id: 'duplicates',
  run(repo, report) {
    const lessons = [...repo.records.lessons.values()];
    const toks = new Map<RecordSummary, Set<string>>();
    const index = new Map<string, RecordSummary[]>();
    for (const lesson of lessons) {
      const set = tokens(text(lesson));
      toks.set(lesson, set);
      for (const t of set) {
        let list = index.get(t);
        if (!list) index.set(t, (list = []));
        list.push(lesson);
      }
    }
    // Words shared by very many lessons say nothing about duplication.
    const maxPostings = Math.max(20, Math.ceil(lessons.length * 0.02));
    const subjects = repo.changed ? lessons.filter((l) => repo.changed!.has(l.file)) : lessons;
    for (const lesson of subjects) {
      const mine = toks.get(lesson)!;
      const shared = new Map<RecordSummary, number>();
      for (const t of mine) {
        const postings = index.get(t)!;
        if (postings.length > maxPostings) continue;
        for (const other of postings) if (other !== lesson) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
      let best: { other: RecordSummary; score: number } | undefined;
      for (const [other, count] of shared) {
        if (count < 3) continue;
        if (isEarlier(lesson, other)) continue; // report on the later lesson only
        const score = lessonSimilarity(mine, toks.get(other)!);
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
