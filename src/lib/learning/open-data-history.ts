/**
 * The assurance history dataset (`/data/assurance-history.csv|json`): one row per state that a
 * recommendation's return held, from the returns' Git history (src/lib/published.ts).
 *
 * - `from` is the recorded date of the version that brought the state (the date of the commit
 *   that brought it into the branch); `to` the recorded date of the next different state, of
 *   the version that dropped the recommendation, or of the commit that removed the file; empty
 *   while the state is current.
 * - `reported` is the file's own `updated` in the version that brought the state; `commit`
 *   that version's short SHA.
 * - Consecutive versions in the same state (only the evidence or the date changed) make one row.
 * - A return with no history (history not available, or a file not committed yet) gives one row
 *   per entry of its current file, `from` its `updated` date and no commit.
 * Only the returns of the edition's action notes are in the history the build keeps, so the
 * public edition holds only those of public notes.
 */
import { assuranceStates } from '../../../schemas/vocabularies.ts';
import type { Library } from '../library.ts';
import type { ReturnVersion } from '../published.ts';
import { type Classification, classificationName } from '../page.ts';

export interface AssuranceHistoryRow {
  action_note: string;
  recommendation: string;
  organisation: string;
  state: string;
  from: string;
  /** Empty while current. */
  to: string;
  reported: string;
  /** Empty when the return has no history. */
  commit: string;
}

export const ASSURANCE_HISTORY_FIELDS = [
  'action_note',
  'recommendation',
  'organisation',
  'state',
  'from',
  'to',
  'reported',
  'commit',
] as const satisfies readonly (keyof AssuranceHistoryRow)[];

/** The rows of one return's versions, oldest first. */
export function historyRows(
  note: string,
  organisation: string,
  versions: readonly ReturnVersion[],
): AssuranceHistoryRow[] {
  const rows: AssuranceHistoryRow[] = [];
  const open = new Map<string, AssuranceHistoryRow>();
  for (const v of versions) {
    const states = new Map((v.entries ?? []).map((e) => [e.recommendation, e.state]));
    for (const [rec, row] of open) {
      if (states.get(rec) !== row.state) {
        row.to = v.recorded;
        open.delete(rec);
      }
    }
    for (const [rec, state] of states) {
      if (open.has(rec)) continue;
      const row: AssuranceHistoryRow = {
        action_note: note,
        recommendation: rec,
        organisation,
        state,
        from: v.recorded,
        to: '',
        reported: v.updated ?? '',
        commit: v.commit.slice(0, 7),
      };
      rows.push(row);
      open.set(rec, row);
    }
  }
  return rows;
}

const recOrder = (id: string) => Number(/\d+/.exec(id)?.[0] ?? 0);

const rowsOf = new WeakMap<Library, readonly AssuranceHistoryRow[]>();

/**
 * Every row of the edition, by note, organisation, recommendation and date (worked out once
 * per build: the data files, the data page and the organisation pages share it).
 */
export function assuranceHistory(lib: Library): readonly AssuranceHistoryRow[] {
  let rows = rowsOf.get(lib);
  if (!rows) rowsOf.set(lib, (rows = historyOf(lib)));
  return rows;
}

function historyOf(lib: Library): AssuranceHistoryRow[] {
  const notes = new Set(lib.notes.map((n) => n.id));
  const rows: AssuranceHistoryRow[] = [];
  const seen = new Set<string>();
  for (const [key, versions] of lib.history.returns) {
    const [note, organisation] = key.split('/') as [string, string];
    if (!notes.has(note) || versions.length === 0) continue;
    seen.add(key);
    rows.push(...historyRows(note, organisation, versions));
  }
  for (const r of lib.returns) {
    if (seen.has(r.id)) continue;
    for (const e of r.data.returns)
      rows.push({
        action_note: r.note,
        recommendation: e.recommendation,
        organisation: r.organisation,
        state: e.state,
        from: r.data.updated,
        to: '',
        reported: r.data.updated,
        commit: '',
      });
  }
  return rows.sort(
    (a, b) =>
      a.action_note.localeCompare(b.action_note) ||
      a.organisation.localeCompare(b.organisation) ||
      recOrder(a.recommendation) - recOrder(b.recommendation) ||
      a.recommendation.localeCompare(b.recommendation) ||
      a.from.localeCompare(b.from),
  );
}

/** Each row's marking: its action note's (as for the assurance dataset). */
function historyClassifications(
  lib: Library,
  rows: readonly AssuranceHistoryRow[],
): Classification[] {
  const notes = new Map(lib.notes.map((n) => [n.id, n.data.classification]));
  return rows.map((r) =>
    notes.get(r.action_note) === 'official-sensitive' ? 'official-sensitive' : 'official',
  );
}

/** The marking of the dataset as a file: the highest of its rows'. */
export function historyClassification(lib: Library): Classification {
  return historyClassifications(lib, assuranceHistory(lib)).includes('official-sensitive')
    ? 'official-sensitive'
    : 'official';
}

/** CSV header and rows, each row starting with its marking. */
export function historyCsvTable(
  lib: Library,
  markingColumn: string,
): { header: string[]; rows: string[][] } {
  const rows = assuranceHistory(lib);
  const marks = historyClassifications(lib, rows).map(classificationName);
  return {
    header: [markingColumn, ...ASSURANCE_HISTORY_FIELDS],
    rows: rows.map((r, i) => [marks[i]!, ...ASSURANCE_HISTORY_FIELDS.map((f) => r[f])]),
  };
}

/** The JSON Schema of one record of the dataset (published at /data/schemas/). */
export const ASSURANCE_HISTORY_SCHEMA_FILE = 'assurance-history.schema.json';
export function assuranceHistorySchema(): object {
  const text = (description: string, extra: object = {}) => ({
    type: 'string',
    description,
    ...extra,
  });
  const date = { pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Assurance history row',
    description:
      "One state that a recommendation's assurance return held, from the library's Git history.",
    type: 'object',
    additionalProperties: false,
    required: [...ASSURANCE_HISTORY_FIELDS],
    properties: {
      action_note: text('The action note id.'),
      recommendation: text('The recommendation id within the note (R1, R2, …).'),
      organisation: text('The organisation id of the return.'),
      state: text('The state returned.', {
        enum: [...assuranceStates.ids],
      }),
      from: text(
        "Recorded date (YYYY-MM-DD): the day the commit that brought this state reached the main branch; the file's `updated` when the return has no history.",
        date,
      ),
      to: text(
        'Recorded date of the next different state, of the version that dropped the recommendation, or of the day the return was removed; empty while the state is current.',
        { pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' },
      ),
      reported: text(
        "The return file's own `updated` date in the version that brought the state.",
        date,
      ),
      commit: text(
        'Short SHA of the commit that brought the state; empty when the return has no history.',
      ),
    },
  };
}

const byOrganisation = new WeakMap<Library, Map<string, AssuranceHistoryRow[]>>();

/** The rows of one organisation's returns, newest first (worked out once per build). */
export function organisationHistory(lib: Library, organisation: string): AssuranceHistoryRow[] {
  let map = byOrganisation.get(lib);
  if (!map) {
    map = new Map();
    for (const row of assuranceHistory(lib)) {
      let list = map.get(row.organisation);
      if (!list) map.set(row.organisation, (list = []));
      list.push(row);
    }
    for (const list of map.values())
      list.sort(
        (a, b) =>
          b.from.localeCompare(a.from) ||
          a.action_note.localeCompare(b.action_note) ||
          recOrder(a.recommendation) - recOrder(b.recommendation),
      );
    byOrganisation.set(lib, map);
  }
  return map.get(organisation) ?? [];
}
