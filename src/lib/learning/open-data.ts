/**
 * The data files: every record of the edition as JSON and CSV (one file per collection, plus
 * the JSON Schemas beside them). Each file carries its protective marking: a JSON file is an
 * object whose `classification` is the highest marking of its records, with the edition, its
 * licence and handling text and the `records`; every CSV row starts with `marking`, the
 * row's own marking. JSON keeps each record whole; CSV flattens lists into "; "-separated
 * cells and gives assurance one row per organisation and recommendation; a CSV cell that
 * starts like a spreadsheet formula gets a `'` in front (`toCsv`).
 * Field order follows the schemas, so columns are stable between builds.
 */
import { stringify } from 'csv-stringify/sync';
import { collections, type CollectionName } from '../../../schemas/collections.ts';
import { keysAt } from '../../../schemas/shape.ts';
import type { Library } from '../library.ts';
import { type Classification, classificationName } from '../page.ts';
import { pageKey } from '../page-keys.ts';

/** Review-only fields that are not part of the published data. */
const INTERNAL = new Set(['personal_data_exceptions']);

export const DATASETS = [
  'lessons',
  'action-notes',
  'assurance',
  'events',
  'organisations',
] as const satisfies readonly CollectionName[];
export type Dataset = (typeof DATASETS)[number];

export function fieldsOf(name: CollectionName): string[] {
  return keysAt(collections[name].schema, []).filter((k) => !INTERNAL.has(k));
}

function pick(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (data[f] !== undefined) out[f] = data[f];
  return out;
}

/**
 * The paths of a dataset route (CSV or JSON), each keyed for the incremental build on the
 * records the dataset is made from: a file is written again only when its collection changed.
 */
export function datasetPaths(lib: Library): { params: { dataset: Dataset }; cacheKey: string }[] {
  const records = {
    lessons: lib.lessons,
    'action-notes': lib.notes,
    assurance: lib.returns,
    events: lib.events,
    organisations: lib.organisations,
  } satisfies Record<Dataset, readonly object[]>;
  return DATASETS.map((dataset) => ({
    params: { dataset },
    cacheKey: pageKey(dataset, records[dataset]),
  }));
}

/** The records of a dataset as plain JSON values (id first, then the schema's fields). */
export function jsonRecords(lib: Library, name: Dataset): Record<string, unknown>[] {
  const fields = fieldsOf(name);
  switch (name) {
    case 'lessons':
      // `published` is the resolved date (frontmatter, Git history or submitted), as everywhere on the site.
      return [...lib.lessons]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((l) => ({
          id: l.id,
          ...pick(l.data as Record<string, unknown>, fields),
          published: l.published,
          body: l.body,
        }));
    case 'action-notes':
      return [...lib.notes]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((n) => ({ id: n.id, ...pick(n.data as Record<string, unknown>, fields) }));
    case 'assurance':
      return lib.returns.map((r) => ({
        action_note: r.note,
        organisation: r.organisation,
        ...pick(r.data as Record<string, unknown>, fields),
      }));
    case 'events':
      return [...lib.events]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((e) => ({ id: e.id, ...pick(e.data as Record<string, unknown>, fields) }));
    case 'organisations':
      return [...lib.organisations]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((o) => ({ id: o.id, ...pick(o.data as Record<string, unknown>, fields) }));
  }
}

/**
 * The classification of each record of a dataset, in the order of `jsonRecords`: a lesson's,
 * note's or event's own; an assurance return takes its action note's (what it reports on is
 * the note's); organisations are OFFICIAL.
 */
export function recordClassifications(lib: Library, name: Dataset): Classification[] {
  const own = (r: Record<string, unknown>): Classification =>
    r.classification === 'official-sensitive' ? 'official-sensitive' : 'official';
  switch (name) {
    case 'assurance': {
      const notes = new Map(lib.notes.map((n) => [n.id, n.data.classification]));
      return lib.returns.map((r) => own({ classification: notes.get(r.note) }));
    }
    case 'organisations':
      return lib.organisations.map(() => 'official');
    default:
      return jsonRecords(lib, name).map(own);
  }
}

/** The marking of a data file: OFFICIAL-SENSITIVE when any of its records is. */
export function fileClassification(lib: Library, name: Dataset): Classification {
  return recordClassifications(lib, name).includes('official-sensitive')
    ? 'official-sensitive'
    : 'official';
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const ASSURANCE_HEADER = [
  'action_note',
  'organisation',
  'updated',
  'recommendation',
  'state',
  'evidence',
];

/**
 * The first column of every CSV: the row's protective marking in capitals (OFFICIAL,
 * OFFICIAL-SENSITIVE), so that a row copied out of the file still says how to handle it.
 */
export const MARKING_COLUMN = 'marking';

/** The columns of a dataset's CSV, known without any record. */
export function csvHeader(name: Dataset): string[] {
  if (name === 'assurance') return [MARKING_COLUMN, ...ASSURANCE_HEADER];
  return [MARKING_COLUMN, 'id', ...fieldsOf(name), ...(name === 'lessons' ? ['body'] : [])].filter(
    (h, i, all) => all.indexOf(h) === i,
  );
}

/** Header and rows of a dataset's CSV, each row starting with its marking. */
export function csvTable(lib: Library, name: Dataset): { header: string[]; rows: string[][] } {
  const marks = recordClassifications(lib, name).map(classificationName);
  if (name === 'assurance') {
    const header = csvHeader(name);
    const rows = lib.returns.flatMap((r, i) =>
      r.data.returns.map((e) => [
        marks[i]!,
        r.note,
        r.organisation,
        r.data.updated,
        e.recommendation,
        e.state,
        e.evidence ?? '',
      ]),
    );
    return { header, rows };
  }
  const records = jsonRecords(lib, name);
  const header = csvHeader(name);
  if (name === 'action-notes') {
    // Recommendations as readable cells: "R1: text (due 2025-01-31)".
    return {
      header,
      rows: records.map((r, i) =>
        header.map((h) =>
          h === MARKING_COLUMN
            ? marks[i]!
            : h === 'recommendations'
              ? (
                  (r.recommendations as { id: string; text: string; due?: string }[] | undefined) ??
                  []
                )
                  .map((x) => `${x.id}: ${x.text}${x.due ? ` (due ${x.due})` : ''}`)
                  .join('; ')
              : cell(r[h]),
        ),
      ),
    };
  }
  return {
    header,
    rows: records.map((r, i) => header.map((h) => (h === MARKING_COLUMN ? marks[i]! : cell(r[h])))),
  };
}

/**
 * The CSV text. A cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return: `startsLikeFormula` in `scripts/lib/csv-formula.ts`) gets a
 * `'` in front, in every column, so that opening the file never runs a record's text; the JSON
 * keeps the text as written. Every column is text (ids, dates, vocabulary ids, true/false,
 * prose): ids and dates never start with those characters, and no field is a number. A number
 * column, should one be added, must reach csv-stringify as a number: it leaves a negative
 * number as it is.
 */
export function toCsv(table: { header: string[]; rows: string[][] }): string {
  return stringify([table.header, ...table.rows], {
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

/** What a JSON data file says about itself before its records. */
export interface DataFileAbout {
  /** The highest marking of its records: `fileClassification`. */
  classification: Classification;
  edition: 'responders' | 'public';
  /** The edition's licence statement and handling text (jol.config.json `editions`). */
  licence: string;
  handling: string;
}

/**
 * A JSON data file: an object with the file's marking in capitals ("OFFICIAL-SENSITIVE"), the
 * edition, licence and handling, then `records`, one record per line: valid JSON, readable
 * diffs, no indentation weight.
 */
export function toJson(records: readonly Record<string, unknown>[], about: DataFileAbout): string {
  const head = JSON.stringify({
    classification: classificationName(about.classification),
    edition: about.edition,
    licence: about.licence,
    handling: about.handling,
  }).slice(0, -1);
  return records.length === 0
    ? `${head},"records":[]}\n`
    : `${head},"records":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}
