/**
 * The figures of one quarterly digest: the quarter's new lessons and notable practice grouped
 * by JESIP principle and NRR theme, the notable practice to highlight, the action notes issued,
 * assurance progress, and the trends that crossed their threshold in the quarter.
 *
 * A lesson belongs to the quarter of its published date (frontmatter `published`, else the
 * date it first reached main, else `submitted`). A return counts as updated in the quarter its
 * version was recorded in (the date of the commit that brought it into the branch; the file's
 * `updated` when it has no history). A closed quarter's digest is computed from the library as
 * it stood on the quarter's last day (`libraryAsOf`, see figures.ts), so later commits never
 * change it; the open quarter's from the library as it is.
 */
import { principles, riskThemes } from '../../../schemas/vocabularies.ts';
import { quarterOf } from '../dates.ts';
import type { LessonEntry, Library, NoteEntry, ReturnEntry } from '../library.ts';
import { type NoteAssurance, noteAssurance } from './assurance.ts';
import { type Trend, recurringIssues, themesOf } from './trends.ts';

export interface Group {
  id: string;
  name: string;
  lessons: LessonEntry[];
}

export interface DigestFigures {
  quarter: string;
  start: string;
  end: string;
  lessons: LessonEntry[];
  identified: LessonEntry[];
  practice: LessonEntry[];
  byPrinciple: Group[];
  byTheme: Group[];
  notesIssued: NoteEntry[];
  returnsUpdated: ReturnEntry[];
  openNotes: NoteAssurance[];
  trends: Trend[];
  /**
   * The day the figures stand on: the quarter's last day for a closed quarter (the library as
   * it stood then), else undefined (the library as it is on the build date).
   */
  asOf?: string;
}

export function quarterBounds(quarter: string): { start: string; end: string } {
  const m = /^(\d{4})-q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`Expected a quarter such as 2025-q1, found "${quarter}"`);
  const q = Number(m[2]);
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(Number(m[1]), endMonth, 0)).getUTCDate();
  return {
    start: `${m[1]}-${String(startMonth).padStart(2, '0')}-01`,
    end: `${m[1]}-${String(endMonth).padStart(2, '0')}-${lastDay}`,
  };
}

function groups(
  lessons: readonly LessonEntry[],
  terms: readonly { id: string; name: string }[],
  of: (l: LessonEntry) => string[],
  noneName: string,
): Group[] {
  const out: Group[] = terms
    .map((t) => ({ id: t.id, name: t.name, lessons: lessons.filter((l) => of(l).includes(t.id)) }))
    .filter((g) => g.lessons.length > 0);
  const none = lessons.filter((l) => of(l).length === 0);
  if (none.length > 0) out.push({ id: 'none', name: noneName, lessons: none });
  return out;
}

/**
 * What every digest of a build shares, computed once: the records of each quarter, the
 * assurance figures of each note and the recurring issues. Pages take it from
 * `learningFigures(lib)`; `digestIndex(lib)` builds it for a library.
 */
export interface DigestIndex {
  /** Quarters with a digest (a lesson published or a note issued in them), newest first. */
  quarters: string[];
  lessonsByQuarter: Map<string, LessonEntry[]>;
  notesByQuarter: Map<string, NoteEntry[]>;
  returnsByQuarter: Map<string, ReturnEntry[]>;
  /** Figures of each note with recommendations, by note id. */
  assurance: Map<string, NoteAssurance>;
  trends: readonly Trend[];
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(item);
}

export function digestIndex(
  lib: Library,
  trends: readonly Trend[] = recurringIssues(lib),
): DigestIndex {
  const lessonsByQuarter = new Map<string, LessonEntry[]>();
  const notesByQuarter = new Map<string, NoteEntry[]>();
  const returnsByQuarter = new Map<string, ReturnEntry[]>();
  for (const l of lib.lessons) push(lessonsByQuarter, quarterOf(l.published), l);
  for (const n of lib.notes) push(notesByQuarter, quarterOf(n.data.issued), n);
  for (const r of lib.returns) push(returnsByQuarter, quarterOf(r.recorded ?? r.data.updated), r);
  const assurance = new Map<string, NoteAssurance>();
  for (const n of lib.notes) {
    const a = noteAssurance(lib, n);
    if (a) assurance.set(n.id, a);
  }
  const quarters = [...new Set([...lessonsByQuarter.keys(), ...notesByQuarter.keys()])]
    .sort()
    .reverse();
  return { quarters, lessonsByQuarter, notesByQuarter, returnsByQuarter, assurance, trends };
}

export function digestFigures(
  lib: Library,
  quarter: string,
  index: DigestIndex = digestIndex(lib),
): DigestFigures {
  const { start, end } = quarterBounds(quarter);
  const lessons = index.lessonsByQuarter.get(quarter) ?? [];
  return {
    quarter,
    start,
    end,
    lessons,
    identified: lessons.filter((l) => l.data.kind === 'lesson-identified'),
    practice: lessons.filter((l) => l.data.kind === 'notable-practice'),
    byPrinciple: groups(
      lessons,
      principles.terms,
      (l) => l.data.principles ?? [],
      'No JESIP principle given',
    ),
    byTheme: groups(lessons, riskThemes.terms, themesOf, 'No National Risk Register risk given'),
    notesIssued: index.notesByQuarter.get(quarter) ?? [],
    returnsUpdated: index.returnsByQuarter.get(quarter) ?? [],
    openNotes: lib.notes
      .filter((n) => n.data.status === 'open' && n.data.issued <= end)
      .map((n) => index.assurance.get(n.id))
      .filter((a): a is NoteAssurance => a !== undefined),
    trends: index.trends.filter((t) => t.quarter === quarter),
  };
}
