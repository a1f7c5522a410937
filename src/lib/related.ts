/**
 * Related lessons: the ones a lesson states first, then the most similar others by shared
 * principles, risks, organisations and words (title, summary and body).
 *
 * Built once for the whole collection with an inverted index, so that a content root of
 * thousands of lessons does not compare every pair: candidates are the lessons that share a
 * risk, an organisation, the event or a distinctive word; principles only add to their score.
 */
import { tokens } from '../../scripts/lib/similarity.ts';

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

/**
 * Related lessons of every lesson, at most `limit` similar ones each (stated ones are all kept).
 *
 * Scores are accumulated through the inverted index instead of comparing pairs: for each key
 * a lesson has (a risk, an organisation, its event, a principle, a distinctive word), every
 * other lesson on that key's list gains the key's weight. Keys on very long lists (a principle
 * most lessons share, a common word) are skipped while finding candidates and, for principles,
 * added back for the candidates found. The cost grows with the lengths of the short lists,
 * not with the square of the collection: 10,000 lessons take about a second.
 */
export function relatedLessons(
  lessons: readonly RelatableLesson[],
  limit = 5,
): Map<string, RelatedResult> {
  const n = lessons.length;
  const ids = new Set(lessons.map((l) => l.id));
  const tokenLists = lessons.map((l) => [...tokens(l.text)]);
  const cap = Math.max(50, Math.ceil(n / 5));
  // Words: only those on short lists are distinctive enough to find candidates by.
  const wordCap = Math.max(50, Math.ceil(Math.sqrt(n)));
  const principleBit = new Map<string, number>();
  const principleMask = lessons.map((l) => {
    let mask = 0;
    for (const p of l.principles ?? []) {
      if (!principleBit.has(p)) principleBit.set(p, 1 << principleBit.size);
      mask |= principleBit.get(p)!;
    }
    return mask;
  });
  const postings = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    let list = postings.get(key);
    if (!list) postings.set(key, (list = []));
    list.push(i);
  };
  lessons.forEach((l, i) => {
    for (const r of new Set(l.risks ?? [])) add(`r:${r}`, i);
    for (const p of new Set(l.principles ?? [])) add(`p:${p}`, i);
    for (const o of new Set(l.organisations ?? [])) add(`o:${o}`, i);
    if (l.event) add(`e:${l.event}`, i);
    for (const t of tokenLists[i]!) add(`t:${t}`, i);
  });

  const structural = new Float64Array(n);
  const sharedWords = new Uint32Array(n);
  const touched: number[] = [];
  const seen = new Uint8Array(n);
  const touch = (j: number) => {
    if (!seen[j]) {
      seen[j] = 1;
      touched.push(j);
    }
  };
  const out = new Map<string, RelatedResult>();
  lessons.forEach((lesson, i) => {
    const stated = (lesson.related ?? []).filter((id) => ids.has(id) && id !== lesson.id);
    const skip = new Set([lesson.id, ...stated]);
    let skippedPrinciples = 0;
    const visit = (key: string, weight: number, limitLength: number): boolean => {
      const list = postings.get(key)!;
      if (list.length > limitLength) return false;
      for (const j of list) {
        if (j === i) continue;
        touch(j);
        if (weight > 0) structural[j]! += weight;
        else sharedWords[j]!++;
      }
      return true;
    };
    for (const r of new Set(lesson.risks ?? [])) visit(`r:${r}`, WEIGHTS.risk, cap);
    for (const o of new Set(lesson.organisations ?? [])) visit(`o:${o}`, WEIGHTS.organisation, cap);
    if (lesson.event) visit(`e:${lesson.event}`, WEIGHTS.event, cap);
    for (const p of new Set(lesson.principles ?? []))
      if (!visit(`p:${p}`, WEIGHTS.principle, cap)) skippedPrinciples |= principleBit.get(p)!;
    for (const t of tokenLists[i]!) visit(`t:${t}`, 0, wordCap);

    // The best `limit` candidates, kept in order.
    const best: { id: string; score: number }[] = [];
    const size = tokenLists[i]!.length;
    for (const j of touched) {
      const other = lessons[j]!;
      let score = structural[j]!;
      if (skippedPrinciples !== 0)
        score += WEIGHTS.principle * bitCount(skippedPrinciples & principleMask[j]!);
      const words = sharedWords[j]!;
      if (words > 0) score += (WEIGHTS.text * 2 * words) / (size + tokenLists[j]!.length);
      structural[j] = 0;
      sharedWords[j] = 0;
      seen[j] = 0;
      if (score <= 0) continue;
      // Most candidates do not beat the worst of a full list: decide that before allocating.
      const rounded = Math.round(score * 1000) / 1000;
      if (best.length === limit && !better(rounded, other.id, best[limit - 1]!)) continue;
      if (skip.has(other.id)) continue;
      const entry = { id: other.id, score: rounded };
      let k = best.length;
      while (k > 0 && better(entry.score, entry.id, best[k - 1]!)) k--;
      best.splice(k, 0, entry);
      if (best.length > limit) best.pop();
    }
    touched.length = 0;
    out.set(lesson.id, { stated, similar: best });
  });
  return out;
}

function bitCount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

/** Whether a candidate (score, id) ranks before `b`: higher score, then the smaller id. */
function better(score: number, id: string, b: { id: string; score: number }): boolean {
  return score > b.score || (score === b.score && id < b.id);
}
