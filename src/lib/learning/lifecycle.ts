/**
 * The lesson lifecycle: identified → actioned → learned, or closed as no further action /
 * superseded. Every lesson enters at "identified"; "actioned" counts lessons that reached it
 * or went further (status actioned or learned); "learned" counts status learned. Both kinds
 * count ("lessons" means the whole collection, as in the content model).
 */
import { principles } from '../../../schemas/vocabularies.ts';
import type { Library, LessonEntry } from '../library.ts';
import type { StatusVersion } from '../published.ts';

export const LIFECYCLE_STAGES = ['identified', 'actioned', 'learned'] as const;
export const CLOSED_STATUSES = ['no-further-action', 'superseded'] as const;

export interface Funnel {
  total: number;
  /** Lessons that reached each stage (cumulative). */
  reached: Record<(typeof LIFECYCLE_STAGES)[number], number>;
  /** Lessons whose current status is each status. */
  byStatus: Record<string, number>;
}

export function funnel(lessons: readonly LessonEntry[]): Funnel {
  const byStatus: Record<string, number> = {
    identified: 0,
    actioned: 0,
    learned: 0,
    'no-further-action': 0,
    superseded: 0,
  };
  for (const l of lessons) byStatus[l.data.status] = (byStatus[l.data.status] ?? 0) + 1;
  return {
    total: lessons.length,
    reached: {
      identified: lessons.length,
      actioned: byStatus.actioned! + byStatus.learned!,
      learned: byStatus.learned!,
    },
    byStatus,
  };
}

export function libraryFunnel(lib: Library): Funnel {
  return funnel(lib.lessons);
}

/** Where one lesson stands: the stages it has passed, its current stage, or how it was closed. */
export function lifecycleOf(lesson: LessonEntry): {
  stage: string;
  passed: string[];
  closed?: string;
} {
  const status = lesson.data.status;
  if (status === 'no-further-action' || status === 'superseded')
    return { stage: status, passed: ['identified'], closed: status };
  const index = (LIFECYCLE_STAGES as readonly string[]).indexOf(status);
  return { stage: status, passed: LIFECYCLE_STAGES.slice(0, index) };
}

/**
 * When a lesson reached "actioned" and "learned", from the history of its `status` (Git, see
 * src/lib/published.ts): the recorded date of the version that began the run of versions at or
 * past the stage that lasts to this day ("actioned" is reached by actioned or learned). A stage
 * the lesson is not at now has no date. `available: false` when the lesson has no history (a
 * shallow clone, a record never committed): pages say so rather than invent a date; a stage
 * whose status is not committed yet has no date either.
 */
export interface StageDates {
  available: boolean;
  actioned?: string;
  learned?: string;
}

const REACHES: Record<'actioned' | 'learned', readonly string[]> = {
  actioned: ['actioned', 'learned'],
  learned: ['learned'],
};

export function stageDates(
  lesson: LessonEntry,
  versions: readonly StatusVersion[] | undefined,
): StageDates {
  if (!versions || versions.length === 0) return { available: false };
  const out: StageDates = { available: true };
  for (const stage of ['actioned', 'learned'] as const) {
    let since: string | undefined;
    for (const v of versions) {
      if (v.status !== null && REACHES[stage].includes(v.status)) since ??= v.recorded;
      else since = undefined;
    }
    const last = versions.at(-1)!.status;
    // The date only when the file as it is now is the last version recorded at the stage.
    if (since && REACHES[stage].includes(lesson.data.status) && last === lesson.data.status)
      out[stage] = since;
  }
  return out;
}

const DAY = 86_400_000;

/** The median (mean of the middle two of an even count) and the 90th percentile (nearest rank). */
export function medianAndP90(values: readonly number[]): { median: number; p90: number } {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const p90 = s[Math.max(0, Math.ceil(0.9 * s.length) - 1)]!;
  return { median, p90 };
}

export interface TimeRow {
  key: string;
  name: string;
  lessons: number;
  median: number;
  p90: number;
}

export interface TimeToLearned {
  /** Lessons learned with a date from history. */
  lessons: number;
  /** Lessons learned without history, left out. */
  withoutHistory: number;
  /** By year of the day the lesson became learned, oldest first. */
  byYear: TimeRow[];
  /** By JESIP principle (a lesson counts under each it names), in the vocabulary's order. */
  byPrinciple: TimeRow[];
}

/**
 * Days from identified (the lesson's published date) to learned (the day its status became
 * learned, from history), per year learned and per JESIP principle.
 */
export function timeToLearned(lib: Library): TimeToLearned {
  const years = new Map<string, number[]>();
  const byPrinciple = new Map<string, number[]>();
  let lessons = 0;
  let withoutHistory = 0;
  for (const l of lib.lessons) {
    if (l.data.status !== 'learned') continue;
    const learned = stageDates(l, lib.history.lessons.get(l.id)).learned;
    if (!learned) {
      withoutHistory++;
      continue;
    }
    lessons++;
    const days = Math.max(0, Math.round((Date.parse(learned) - Date.parse(l.published)) / DAY));
    const year = learned.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), days]);
    for (const p of new Set(l.data.principles ?? []))
      byPrinciple.set(p, [...(byPrinciple.get(p) ?? []), days]);
  }
  const row = (key: string, name: string, values: number[]): TimeRow => ({
    key,
    name,
    lessons: values.length,
    ...medianAndP90(values),
  });
  return {
    lessons,
    withoutHistory,
    byYear: [...years.keys()].sort().map((y) => row(y, y, years.get(y)!)),
    byPrinciple: principles.terms
      .filter((t) => byPrinciple.has(t.id))
      .map((t) => row(t.id, t.name, byPrinciple.get(t.id)!)),
  };
}
