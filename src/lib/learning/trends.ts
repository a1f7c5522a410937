/**
 * Trends: counts of lessons by JESIP principle, model, NRR theme, source and sector per year
 * (of the published date), and recurring issues — the same principle and NRR theme in lessons
 * identified by several organisations within a window — flagged as trends.
 */
import {
  commandLevels,
  models,
  principles,
  riskThemes,
  sectors,
  sources,
  themeOf,
} from '../../../schemas/vocabularies.ts';
import { quarterOf, yearOf } from '../dates.ts';
import type { Library, LessonEntry } from '../library.ts';

/** A recurring issue is flagged when this many organisations … */
export const TREND_ORGANISATIONS = 3;
/** … identified lessons on the same principle and theme within this many days. */
export const TREND_WINDOW_DAYS = 365;

export interface Dimension {
  key: 'principle' | 'model' | 'theme' | 'source' | 'sector' | 'command-level';
  title: string;
  terms: readonly { id: string; name: string }[];
  of: (lesson: LessonEntry, lib: Library) => string[];
}

export function themesOf(lesson: LessonEntry): string[] {
  return [
    ...new Set(
      (lesson.data.risks ?? []).map((r) => themeOf(r)).filter((t): t is string => t !== undefined),
    ),
  ];
}

export const DIMENSIONS: readonly Dimension[] = [
  {
    key: 'principle',
    title: 'JESIP principle',
    terms: principles.terms,
    of: (l) => l.data.principles ?? [],
  },
  { key: 'model', title: 'JESIP model', terms: models.terms, of: (l) => l.data.models ?? [] },
  {
    key: 'theme',
    title: 'National Risk Register theme',
    terms: riskThemes.terms,
    of: (l) => themesOf(l),
  },
  { key: 'source', title: 'Source', terms: sources.terms, of: (l) => [l.data.source] },
  { key: 'sector', title: 'Sector', terms: sectors.terms, of: (l, lib) => lib.sectorsOf(l) },
  {
    key: 'command-level',
    title: 'Command level',
    terms: commandLevels.terms,
    of: (l) => l.data.command_levels ?? [],
  },
];

export interface CountTable {
  dimension: Dimension;
  years: string[];
  /** One row per term that has at least one lesson: counts per year, and the total. */
  rows: { id: string; name: string; perYear: number[]; total: number }[];
}

/**
 * Lessons per term per year of publication. A lesson counts once for each term it has.
 * One pass over the lessons (a national library holds tens of thousands).
 */
export function countsOverTime(
  lib: Library,
  dimension: Dimension,
  lessons: readonly LessonEntry[] = lib.lessons,
): CountTable {
  const years = [...new Set(lessons.map((l) => yearOf(l.published)))].sort();
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const counts = new Map(dimension.terms.map((t) => [t.id, years.map(() => 0)]));
  for (const l of lessons) {
    const y = yearIndex.get(yearOf(l.published))!;
    for (const term of new Set(dimension.of(l, lib))) {
      const perYear = counts.get(term);
      if (perYear) perYear[y]!++;
    }
  }
  const rows = dimension.terms
    .map((term) => {
      const perYear = counts.get(term.id)!;
      return { id: term.id, name: term.name, perYear, total: perYear.reduce((a, b) => a + b, 0) };
    })
    .filter((r) => r.total > 0);
  return { dimension, years, rows };
}

export interface Trend {
  principle: string;
  theme: string;
  /** The lessons in every window that met the threshold, oldest first. */
  lessons: LessonEntry[];
  organisations: string[];
  /** Published date of the lesson that first brought the count to the threshold. */
  crossed: string;
  quarter: string;
}

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

/** Recurring issues among lessons identified, by principle and NRR theme. */
export function recurringIssues(lib: Library): Trend[] {
  const groups = new Map<string, LessonEntry[]>();
  for (const lesson of lib.lessonsIdentified) {
    for (const p of lesson.data.principles ?? []) {
      for (const t of themesOf(lesson)) {
        const key = `${p}|${t}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push(lesson);
      }
    }
  }
  const trends: Trend[] = [];
  for (const [key, group] of groups) {
    const [principle, theme] = key.split('|') as [string, string];
    const sorted = [...group].sort((a, b) =>
      a.published < b.published ? -1 : a.published > b.published ? 1 : a.id < b.id ? -1 : 1,
    );
    const orgCount = new Map<string, number>();
    const marked = new Set<LessonEntry>();
    let crossed: string | undefined;
    let start = 0;
    for (let end = 0; end < sorted.length; end++) {
      const org = sorted[end]!.data.submitted_by;
      orgCount.set(org, (orgCount.get(org) ?? 0) + 1);
      while (daysBetween(sorted[start]!.published, sorted[end]!.published) >= TREND_WINDOW_DAYS) {
        const old = sorted[start]!.data.submitted_by;
        const n = orgCount.get(old)! - 1;
        if (n === 0) orgCount.delete(old);
        else orgCount.set(old, n);
        start++;
      }
      if (orgCount.size >= TREND_ORGANISATIONS) {
        crossed ??= sorted[end]!.published;
        for (let i = start; i <= end; i++) marked.add(sorted[i]!);
      }
    }
    if (crossed === undefined) continue;
    const lessons = sorted.filter((l) => marked.has(l));
    trends.push({
      principle,
      theme,
      lessons,
      organisations: [...new Set(lessons.map((l) => l.data.submitted_by))].sort(),
      crossed,
      quarter: quarterOf(crossed),
    });
  }
  return trends.sort((a, b) =>
    a.crossed < b.crossed
      ? 1
      : a.crossed > b.crossed
        ? -1
        : `${a.principle}${a.theme}`.localeCompare(`${b.principle}${b.theme}`),
  );
}

/** Printable names for a trend. */
export function trendName(t: Trend): string {
  return `${principles.name(t.principle)} in ${riskThemes.name(t.theme)}`;
}
