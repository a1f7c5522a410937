/**
 * Every learning-loop figure of a build, computed once per library and shared by all pages
 * (digests, trends, the assurance dashboard, feeds, the sitemap): recurring issues, the
 * records of each quarter, each note's assurance, the national view, the lifecycle funnel and
 * the counts over time. Digests are computed on first use and kept; a closed quarter's from
 * the library as it stood on its last day (learning/as-of.ts).
 */
import type { Library } from '../library.ts';
import { type NationalAssurance, nationalAssurance } from './assurance.ts';
import { libraryAsOf } from './as-of.ts';
import {
  type DigestFigures,
  type DigestIndex,
  digestFigures,
  digestIndex,
  quarterBounds,
} from './digest.ts';
import { type Funnel, funnel } from './lifecycle.ts';
import {
  type CountTable,
  DIMENSIONS,
  type Trend,
  countsOverTime,
  recurringIssues,
} from './trends.ts';

export interface LearningFigures {
  trends: Trend[];
  index: DigestIndex;
  /** Quarters with a digest, newest first. */
  quarters: string[];
  national: NationalAssurance;
  funnel: Funnel;
  counts: CountTable[];
  digest(quarter: string): DigestFigures;
}

const memo = new WeakMap<Library, LearningFigures>();

export function learningFigures(lib: Library): LearningFigures {
  let figures = memo.get(lib);
  if (figures) return figures;
  const trends = recurringIssues(lib);
  const index = digestIndex(lib, trends);
  const digests = new Map<string, DigestFigures>();
  let national: NationalAssurance | undefined;
  let counts: CountTable[] | undefined;
  let lifecycle: Funnel | undefined;
  figures = {
    trends,
    index,
    quarters: index.quarters,
    get national() {
      return (national ??= nationalAssurance(lib));
    },
    get funnel() {
      return (lifecycle ??= funnel(lib.lessons));
    },
    get counts() {
      return (counts ??= DIMENSIONS.map((d) => countsOverTime(lib, d)));
    },
    digest(quarter) {
      let d = digests.get(quarter);
      if (!d) {
        const { end } = quarterBounds(quarter);
        if (end < lib.today) {
          // A closed quarter: the library as it stood on its last day, never today's.
          const then = libraryAsOf(lib, end);
          d = { ...digestFigures(then, quarter), asOf: end };
        } else d = digestFigures(lib, quarter, index);
        digests.set(quarter, d);
      }
      return d;
    },
  };
  memo.set(lib, figures);
  return figures;
}
