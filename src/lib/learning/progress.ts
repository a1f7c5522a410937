/**
 * Assurance progress over time, from the returns' Git history: for each quarter since a note
 * was issued, on the quarter's last day (or the build date for the quarter still open), how
 * many of the cells (organisation in the audience × recommendation) were implemented or not
 * applicable, and how many were overdue. The national line sums the notes for action issued by
 * then and open on that day. A return is taken as recorded on that day (learning/as-of.ts); a
 * return without history as its current file from its `updated` date.
 */
import { quarterOf } from '../dates.ts';
import type { Library, NoteEntry } from '../library.ts';
import { returnOn, statusOn } from './as-of.ts';
import { quarterBounds } from './digest.ts';

export interface ProgressPoint {
  quarter: string;
  /** The day counted: the quarter's last day, or the build date in the quarter still open. */
  day: string;
  cells: number;
  /** Cells implemented or not applicable. */
  done: number;
  /** done ÷ cells, 0–100 to one decimal place; undefined without cells. */
  percent: number | undefined;
  overdue: number;
}

/** Quarters from `first` to the build date's, oldest first, each with the day counted. */
export function quartersSince(first: string, today: string): { quarter: string; day: string }[] {
  const out: { quarter: string; day: string }[] = [];
  let q = quarterOf(first);
  const last = quarterOf(today);
  while (q <= last) {
    const { end } = quarterBounds(q);
    out.push({ quarter: q, day: end < today ? end : today });
    const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(6))];
    q = n === 4 ? `${y + 1}-q1` : `${y}-q${n + 1}`;
  }
  return out;
}

const percentOf = (done: number, cells: number) =>
  cells > 0 ? Math.round((done / cells) * 1000) / 10 : undefined;

/** The cells of one note on a day: done and overdue (overdue only while the note was open). */
function cellsOn(lib: Library, note: NoteEntry, day: string) {
  const recs = note.data.recommendations ?? [];
  const open = statusOn(lib.history.notes.get(note.id), day, note.data.status) === 'open';
  const pastDue = open && note.data.report_back_by !== undefined && note.data.report_back_by < day;
  let done = 0;
  let overdue = 0;
  let cells = 0;
  for (const org of lib.audienceOf(note)) {
    const states = new Map(
      (returnOn(lib, `${note.id}/${org.id}`, day)?.data.returns ?? []).map((e) => [
        e.recommendation,
        e.state,
      ]),
    );
    for (const rec of recs) {
      cells++;
      const s = states.get(rec.id);
      if (s === 'implemented' || s === 'not-applicable') done++;
      else if (pastDue) overdue++;
    }
  }
  return { cells, done, overdue, open };
}

/** One point per quarter since the note was issued (none for a note without recommendations). */
export function noteProgress(lib: Library, note: NoteEntry): ProgressPoint[] {
  if ((note.data.recommendations ?? []).length === 0) return [];
  return quartersSince(note.data.issued, lib.today).map(({ quarter, day }) => {
    const c = cellsOn(lib, note, day);
    return {
      quarter,
      day,
      cells: c.cells,
      done: c.done,
      percent: percentOf(c.done, c.cells),
      overdue: c.overdue,
    };
  });
}

/** The national line: every note for action issued by each day and open on it. */
export function nationalProgress(lib: Library): ProgressPoint[] {
  const notes = lib.notes.filter((n) => (n.data.recommendations ?? []).length > 0);
  if (notes.length === 0) return [];
  const first = notes.map((n) => n.data.issued).sort()[0]!;
  return quartersSince(first, lib.today).map(({ quarter, day }) => {
    let cells = 0;
    let done = 0;
    let overdue = 0;
    for (const note of notes) {
      if (note.data.issued > day) continue;
      const c = cellsOn(lib, note, day);
      if (!c.open) continue;
      cells += c.cells;
      done += c.done;
      overdue += c.overdue;
    }
    return { quarter, day, cells, done, percent: percentOf(done, cells), overdue };
  });
}
