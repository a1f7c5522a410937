/**
 * Related lessons: the ones a lesson states first, then the most similar others by shared
 * principles, risks, organisations and words (title, summary and body).
 *
 * Built once for the whole collection with an inverted index, so that a content root of
 * thousands of lessons does not compare every pair: candidates are the lessons that share a
 * risk, an organisation, the event or a distinctive word; principles only add to their score.
 */
import { lessonSimilarity, tokens } from '../../scripts/lib/similarity.ts';

export interface RelatableLesson {
  id: string;
  related?: readonly string[];
  principles?: readonly string[];
  risks?: readonly string[];
  organisations?: readonly string[];
  event?: string;
  text: string;
}

export interface RelatedResult {
  stated: string[];
  similar: { id: string; score: number }[];
}

const WEIGHTS = { risk: 3, principle: 2, organisation: 1, event: 2, text: 10 };

function shared(a: readonly string[] = [], b: readonly string[] = []): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  return b.filter((x) => set.has(x)).length;
}

export function scorePair(a: RelatableLesson, b: RelatableLesson, ta: ReadonlySet<string>, tb: ReadonlySet<string>): number {
  return (
    WEIGHTS.risk * shared(a.risks, b.risks) +
    WEIGHTS.principle * shared(a.principles, b.principles) +
    WEIGHTS.organisation * shared(a.organisations, b.organisations) +
    (a.event !== undefined && a.event === b.event ? WEIGHTS.event : 0) +
    WEIGHTS.text * lessonSimilarity(ta, tb)
  );
}

/** Related lessons of every lesson, at most `limit` similar ones each (stated ones are all kept). */
export function relatedLessons(lessons: readonly RelatableLesson[], limit = 5): Map<string, RelatedResult> {
  const ids = new Set(lessons.map((l) => l.id));
  const toks = lessons.map((l) => tokens(l.text));
  const postings = new Map<string, number[]>();
  const keysOf = (l: RelatableLesson, i: number): string[] => [
    ...(l.risks ?? []).map((r) => `r:${r}`),
    ...(l.principles ?? []).map((p) => `p:${p}`),
    ...(l.organisations ?? []).map((o) => `o:${o}`),
    ...(l.event ? [`e:${l.event}`] : []),
    ...[...toks[i]!].map((t) => `t:${t}`),
  ];
  lessons.forEach((l, i) => {
    for (const key of keysOf(l, i)) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(i);
    }
  });
  // Keys shared by a large part of the collection say little and cost much.
  const cap = Math.max(50, Math.ceil(lessons.length / 5));
  const out = new Map<string, RelatedResult>();
  lessons.forEach((lesson, i) => {
    const stated = (lesson.related ?? []).filter((id) => ids.has(id) && id !== lesson.id);
    const skip = new Set([lesson.id, ...stated]);
    const candidates = new Set<number>();
    for (const key of keysOf(lesson, i)) {
      const list = postings.get(key)!;
      if (list.length > cap) continue;
      for (const j of list) candidates.add(j);
    }
    const similar: { id: string; score: number }[] = [];
    for (const j of candidates) {
      const other = lessons[j]!;
      if (skip.has(other.id)) continue;
      const score = scorePair(lesson, other, toks[i]!, toks[j]!);
      if (score > 0) similar.push({ id: other.id, score: Math.round(score * 1000) / 1000 });
    }
    similar.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    out.set(lesson.id, { stated, similar: similar.slice(0, limit) });
  });
  return out;
}
