/**
 * The lesson lifecycle: identified → actioned → learned, or closed as no further action /
 * superseded. Every lesson enters at "identified"; "actioned" counts lessons that reached it
 * or went further (status actioned or learned); "learned" counts status learned. Both kinds
 * count ("lessons" means the whole collection, as in the content model).
 */
import type { Library, LessonEntry } from '../library.ts';

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
