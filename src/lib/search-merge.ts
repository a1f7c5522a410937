/**
 * Merging the build's delta index into the search page's results, and ordering results by
 * date. A build that indexed only the records changed since the last full index
 * (src/lib/search-index-plan.ts) publishes a delta (`pagefind-delta/`) with a manifest: the
 * full index's page ids it supersedes, its own page ids and their dates. The page leaves out
 * the superseded pages. Dates are not a Pagefind sort (that would put them in the metadata
 * every first search downloads): the full index has a file of its pages' dates
 * (`jol-dates.json`, written by src/integrations/pagefind.ts), fetched only when the reader
 * orders by date, and results are put in date order here. Pure functions: the delta and the
 * dates are passed in, results come back as new arrays.
 */
import { byDate, type SearchOrder } from './search-query.ts';

/** The delta's manifest as the build writes it (`jol-delta.json`). */
export interface DeltaManifest {
  superseded: string[];
  added: string[];
  /** The date (YYYY-MM-DD) of each added page, by page id. */
  dates?: Record<string, string>;
}

/** The name of the file of the full index's page dates, in the index's folder. */
export const DATES_FILE = 'jol-dates.json';

/**
 * The dates file: each date (YYYY-MM-DD, oldest first) with the ids of its pages, separated by
 * spaces. Grouped by date, so that each date is written once (11,050 pages: about 50 KB gzipped).
 */
export type DatesFile = [date: string, ids: string][];

/** The dates file of pages given as [page id, date] pairs. */
export function datesFile(pages: Iterable<readonly [id: string, date: string]>): DatesFile {
  const byDay = new Map<string, string[]>();
  for (const [id, date] of pages) {
    let ids = byDay.get(date);
    if (!ids) byDay.set(date, (ids = []));
    ids.push(id);
  }
  return [...byDay.keys()].sort().map((date) => [date, byDay.get(date)!.sort().join(' ')]);
}

/** Each page's date, by page id, from a dates file and any further [id, date] pairs (a delta's). */
export function pageDates(file: DatesFile, more: Record<string, string> = {}): Map<string, string> {
  const dates = new Map<string, string>();
  for (const [date, ids] of file) for (const id of ids.split(' ')) if (id) dates.set(id, date);
  for (const [id, date] of Object.entries(more)) dates.set(id, date);
  return dates;
}

/** The full index's page ids to leave out, and the delta's own page ids. */
export interface Delta {
  readonly hidden: ReadonlySet<string>;
  readonly added: ReadonlySet<string>;
  /** The delta's pages' dates, by page id. */
  readonly dates: Readonly<Record<string, string>>;
}

/** No delta: every result is the full index's. */
export const NO_DELTA: Delta = Object.freeze({
  hidden: new Set<string>(),
  added: new Set<string>(),
  dates: Object.freeze({}),
});

/** The delta a manifest describes; none when the manifest could not be had. */
export function deltaOf(manifest: DeltaManifest | undefined): Delta {
  return manifest
    ? {
        hidden: new Set(manifest.superseded),
        added: new Set(manifest.added),
        dates: manifest.dates ?? {},
      }
    : NO_DELTA;
}

/** Whether the delta index has pages to merge (a delta of only removals has none). */
export function hasPages(manifest: DeltaManifest | undefined): boolean {
  return (manifest?.added.length ?? 0) > 0;
}

/**
 * The results to show: without the full index's pages that the delta replaces and, when
 * ordered by date, sorted by `dateOf` (a result's date, YYYY-MM-DD; '' when it has none, which
 * comes last newest first and first oldest first). The sort is stable: results of one date stay
 * in Pagefind's order. By relevance, Pagefind's order (the delta's results merged by score).
 */
export function arrange<R extends { id: string }>(
  found: readonly R[],
  sort: SearchOrder,
  delta: Delta,
  dateOf: (r: R) => string,
): R[] {
  const kept = delta.hidden.size > 0 ? found.filter((r) => !delta.hidden.has(r.id)) : [...found];
  if (!sort) return kept;
  const order = byDate(sort);
  return kept
    .map((r) => ({ r, date: dateOf(r) }))
    .sort((a, b) => order(a.date, b.date))
    .map((x) => x.r);
}
