/**
 * Assurance figures for the Interoperability Board: for each action note, every recommendation
 * × organisation in the audience, with its state, missing and overdue returns, and the share
 * implemented per sector; and a national view over all open notes.
 *
 * Counting rules (also shown on the dashboard):
 * - Only organisations in the note's audience are counted; a return from outside it is shown
 *   but not counted (the validator warns about it).
 * - "Implemented" percentages are implemented ÷ (cells − not applicable): an organisation that
 *   says a recommendation does not apply is neither a success nor a failure.
 * - A cell is overdue when the note is open, its report-back date is before the build date and
 *   the entry is missing or neither implemented nor not applicable.
 */
import { assuranceStates, sectors } from '../../../schemas/vocabularies.ts';
import type { Library, NoteEntry } from '../library.ts';

/** A cell of the assurance table: a return's state, or no return yet. */
export type CellKey =
  'not-started' | 'in-progress' | 'implemented' | 'not-applicable' | 'no-return';
export type StateCounts = Record<CellKey, number>;

export interface SectorProgress {
  sector: string;
  organisations: number;
  counts: StateCounts;
  overdue: number;
  /** Implemented ÷ (cells − not applicable), 0–100, or undefined when nothing applies. */
  percentImplemented: number | undefined;
}

export interface RecommendationProgress {
  id: string;
  text: string;
  due?: string;
  counts: StateCounts;
  overdue: number;
}

export interface NoteAssurance {
  note: NoteEntry;
  audience: number;
  cells: number;
  counts: StateCounts;
  overdue: number;
  percentImplemented: number | undefined;
  byRecommendation: RecommendationProgress[];
  bySector: SectorProgress[];
  /** Organisations in the audience with no return file at all. */
  noReturn: string[];
}

export const CELL_STATES: readonly CellKey[] = [...(assuranceStates.ids as CellKey[]), 'no-return'];

export function emptyCounts(): StateCounts {
  return Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as StateCounts;
}

export function percentImplemented(counts: StateCounts): number | undefined {
  const total = CELL_STATES.reduce((n, s) => n + counts[s], 0) - counts['not-applicable'];
  return total > 0 ? Math.round((counts.implemented / total) * 1000) / 10 : undefined;
}

function add(into: StateCounts, from: StateCounts): void {
  for (const s of CELL_STATES) into[s] += from[s];
}

/** The figures of one note (notes without recommendations take no returns: undefined). */
export function noteAssurance(lib: Library, note: NoteEntry): NoteAssurance | undefined {
  const recs = note.data.recommendations ?? [];
  if (recs.length === 0) return undefined;
  const rows = lib.returnsTable(note).filter((r) => r.inAudience);
  const counts = emptyCounts();
  let overdue = 0;
  const byRecommendation: RecommendationProgress[] = recs.map((r) => ({
    id: r.id,
    text: r.text,
    due: r.due,
    counts: emptyCounts(),
    overdue: 0,
  }));
  const sectorMap = new Map<string, SectorProgress>();
  const noReturn: string[] = [];
  for (const row of rows) {
    const sector = row.organisation.data.sector;
    let sp = sectorMap.get(sector);
    if (!sp)
      sectorMap.set(
        sector,
        (sp = {
          sector,
          organisations: 0,
          counts: emptyCounts(),
          overdue: 0,
          percentImplemented: undefined,
        }),
      );
    sp.organisations++;
    if (row.updated === undefined) noReturn.push(row.organisation.id);
    row.cells.forEach((cell, i) => {
      const state = cell.state as CellKey;
      counts[state]++;
      sp.counts[state]++;
      byRecommendation[i]!.counts[state]++;
      if (cell.overdue) {
        overdue++;
        sp.overdue++;
        byRecommendation[i]!.overdue++;
      }
    });
  }
  const bySector = [...sectorMap.values()]
    .map((s) => ({ ...s, percentImplemented: percentImplemented(s.counts) }))
    .sort((a, b) => sectors.ids.indexOf(a.sector) - sectors.ids.indexOf(b.sector));
  return {
    note,
    audience: rows.length,
    cells: rows.length * recs.length,
    counts,
    overdue,
    percentImplemented: percentImplemented(counts),
    byRecommendation,
    bySector,
    noReturn,
  };
}

export interface NationalAssurance {
  notes: NoteAssurance[];
  counts: StateCounts;
  overdue: number;
  percentImplemented: number | undefined;
  bySector: SectorProgress[];
  /** Organisations with overdue returns, most overdue cells first. */
  overdueByOrganisation: { organisation: string; overdue: number; notes: string[] }[];
}

/** Every open note for action, summed; sectors merged across notes. */
export function nationalAssurance(lib: Library): NationalAssurance {
  const notes = lib.notes
    .filter((n) => n.data.status === 'open')
    .map((n) => noteAssurance(lib, n))
    .filter((a): a is NoteAssurance => a !== undefined);
  const counts = emptyCounts();
  let overdue = 0;
  const sectorMap = new Map<string, SectorProgress>();
  const orgOverdue = new Map<string, { organisation: string; overdue: number; notes: string[] }>();
  for (const a of notes) {
    add(counts, a.counts);
    overdue += a.overdue;
    for (const s of a.bySector) {
      let sp = sectorMap.get(s.sector);
      if (!sp)
        sectorMap.set(
          s.sector,
          (sp = {
            sector: s.sector,
            organisations: 0,
            counts: emptyCounts(),
            overdue: 0,
            percentImplemented: undefined,
          }),
        );
      sp.organisations += s.organisations;
      add(sp.counts, s.counts);
      sp.overdue += s.overdue;
    }
    for (const row of lib.returnsTable(a.note)) {
      if (!row.inAudience) continue;
      const n = row.cells.filter((c) => c.overdue).length;
      if (n === 0) continue;
      let o = orgOverdue.get(row.organisation.id);
      if (!o)
        orgOverdue.set(
          row.organisation.id,
          (o = { organisation: row.organisation.id, overdue: 0, notes: [] }),
        );
      o.overdue += n;
      o.notes.push(a.note.id);
    }
  }
  return {
    notes,
    counts,
    overdue,
    percentImplemented: percentImplemented(counts),
    bySector: [...sectorMap.values()]
      .map((s) => ({ ...s, percentImplemented: percentImplemented(s.counts) }))
      .sort((a, b) => sectors.ids.indexOf(a.sector) - sectors.ids.indexOf(b.sector)),
    overdueByOrganisation: [...orgOverdue.values()].sort(
      (a, b) => b.overdue - a.overdue || a.organisation.localeCompare(b.organisation),
    ),
  };
}
