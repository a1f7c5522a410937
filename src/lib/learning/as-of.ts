/**
 * The library as it stood on a day, from its Git history: what a closed quarter's digest shows.
 *
 * - Lessons published, and action notes issued, on or before the day; each with the `status`
 *   it had then: the version recorded (committed to the branch) on or before the day, else the
 *   first version recorded (a record older than its history, such as one imported with a
 *   backdated `published`, keeps the status it arrived with).
 * - Each assurance return as the version recorded on or before the day; a return not yet in
 *   the branch then, or removed by then, is no return.
 * - "Today" is the day, so a return is overdue when its report-back date had passed by then.
 *
 * Records with no history (history not available, or a file never committed) are taken as
 * their current files: a lesson or note as it is now, a return as of its own `updated` date.
 * A later commit never changes the result for a past day, except through records without
 * history, which the build log and the pages point out.
 */
import { type LessonEntry, Library, type NoteEntry, type ReturnEntry } from '../library.ts';
import type { StatusVersion } from '../published.ts';

/** The latest version recorded on or before `day`, if any. */
function versionOn<T extends { recorded: string }>(
  versions: readonly T[] | undefined,
  day: string,
): T | undefined {
  let found: T | undefined;
  for (const v of versions ?? []) {
    if (v.recorded > day) break;
    found = v;
  }
  return found;
}

/** A record's status on a day: see the module comment. */
export function statusOn(
  versions: readonly StatusVersion[] | undefined,
  day: string,
  current: string,
): string {
  if (!versions || versions.length === 0) return current;
  const v = versionOn(versions, day);
  if (v && v.status !== null) return v.status;
  return versions.find((x) => x.status !== null)?.status ?? current;
}

const currentReturns = new WeakMap<Library, Map<string, ReturnEntry>>();

/**
 * Return `id` (`<note>/<organisation>`) on a day: the version recorded on or before it (none
 * when the return was not in the branch yet or had been removed), or, without history, the
 * current file from its own `updated` date.
 */
export function returnOn(lib: Library, id: string, day: string): ReturnEntry | undefined {
  const versions = lib.history.returns.get(id);
  if (versions && versions.length > 0) {
    const v = versionOn(versions, day);
    if (!v || v.entries === null) return undefined;
    const [note, organisation] = id.split('/') as [string, string];
    return {
      id,
      note,
      organisation,
      data: { updated: v.updated ?? v.recorded, returns: v.entries.map((e) => ({ ...e })) },
      recorded: v.recorded,
    };
  }
  let byId = currentReturns.get(lib);
  if (!byId) currentReturns.set(lib, (byId = new Map(lib.returns.map((r) => [r.id, r]))));
  const r = byId.get(id);
  return r && r.data.updated <= day ? r : undefined;
}

export function libraryAsOf(lib: Library, day: string): Library {
  const h = lib.history;
  const lessons: LessonEntry[] = lib.lessons
    .filter((l) => l.published <= day)
    .map((l) => {
      const status = statusOn(h.lessons.get(l.id), day, l.data.status);
      return status === l.data.status ? l : { ...l, data: { ...l.data, status: status } };
    });
  const notes: NoteEntry[] = lib.notes
    .filter((n) => n.data.issued <= day)
    .map((n) => {
      const status = statusOn(h.notes.get(n.id), day, n.data.status);
      return status === n.data.status ? n : { ...n, data: { ...n.data, status: status } };
    });
  const noteIds = new Set(notes.map((n) => n.id));
  const returns: ReturnEntry[] = [];
  for (const id of new Set([...lib.returns.map((r) => r.id), ...h.returns.keys()])) {
    if (!noteIds.has(id.split('/')[0]!)) continue;
    const r = returnOn(lib, id, day);
    if (r) returns.push(r);
  }
  return new Library({
    lessons,
    notes,
    returns,
    events: lib.events,
    organisations: lib.organisations,
    today: day,
    history: h,
  });
}
