/**
 * Quarterly digests: a quarter has a digest when a lesson of the edition was published, or an
 * action note of the edition issued, in it (content model, "Editions and derived figures").
 */
import { quarterOf } from './dates.ts';
import type { LessonEntry, Library, NoteEntry } from './library.ts';

/** Quarters with a digest, newest first. */
export function digestQuarters(lib: Library): string[] {
  const quarters = new Set<string>();
  for (const l of lib.lessons) quarters.add(quarterOf(l.published));
  for (const n of lib.notes) quarters.add(quarterOf(n.data.issued));
  return [...quarters].sort().reverse();
}

export function digestOf(lib: Library, quarter: string): { lessons: LessonEntry[]; notes: NoteEntry[] } {
  return {
    lessons: lib.lessons.filter((l) => quarterOf(l.published) === quarter),
    notes: lib.notes.filter((n) => quarterOf(n.data.issued) === quarter),
  };
}
