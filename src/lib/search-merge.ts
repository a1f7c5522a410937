/**
 * Merging the build's delta index into the search page's results. A build that indexed only
 * the records changed since the last full index (src/lib/search-index-plan.ts) publishes a
 * delta (`pagefind-delta/`) with a manifest: the full index's page ids it supersedes and its
 * own page ids. Pagefind merges the two indexes by score, so the page leaves out the
 * superseded pages and, when results are ordered by date, puts the delta's results in their
 * place. Pure functions: the delta is passed in, results come back as new arrays.
 */
import { byDate, comesFirst, type SearchOrder } from './search-query.ts';

/** The delta's manifest as the build writes it (`jol-delta.json`). */
export interface DeltaManifest {
  superseded: string[];
  added: string[];
}

/** The full index's page ids to leave out, and the delta's own page ids. */
export interface Delta {
  readonly hidden: ReadonlySet<string>;
  readonly added: ReadonlySet<string>;
}

/** No delta: every result is the full index's and stays where Pagefind put it. */
export const NO_DELTA: Delta = Object.freeze({
  hidden: new Set<string>(),
  added: new Set<string>(),
});

/** The delta a manifest describes; none when the manifest could not be had. */
export function deltaOf(manifest: DeltaManifest | undefined): Delta {
  return manifest
    ? { hidden: new Set(manifest.superseded), added: new Set(manifest.added) }
    : NO_DELTA;
}

/** Whether the delta index has pages to merge (a delta of only removals has none). */
export function hasPages(manifest: DeltaManifest | undefined): boolean {
  return (manifest?.added.length ?? 0) > 0;
}

/**
 * The results to show: without the full index's pages that the delta replaces and, when
 * ordered by date, with the delta's results moved to their place by date (each found by a
 * binary search over the full index's results, which are in order; on equal dates the full
 * index's come first). Without a delta, Pagefind's results as they are. `dateOf` gives a
 * result's date (YYYY-MM-DD, '' when it has none); it is asked only for the results it must
 * compare, since each answer may cost the result's fragment.
 */
export async function arrange<R extends { id: string }>(
  found: readonly R[],
  sort: SearchOrder,
  delta: Delta,
  dateOf: (r: R) => string | Promise<string>,
): Promise<R[]> {
  const kept = delta.hidden.size > 0 ? found.filter((r) => !delta.hidden.has(r.id)) : [...found];
  if (!sort || delta.added.size === 0) return kept;
  const out = kept.filter((r) => !delta.added.has(r.id));
  const extra = kept.filter((r) => delta.added.has(r.id));
  if (extra.length === 0) return out;
  const dated = await Promise.all(extra.map(async (r) => ({ r, date: await dateOf(r) })));
  const order = byDate(sort);
  dated.sort((a, b) => order(a.date, b.date));
  let lo = 0;
  for (const { r, date } of dated) {
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comesFirst(sort, date, await dateOf(out[mid]!))) hi = mid;
      else lo = mid + 1;
    }
    out.splice(lo, 0, r);
    lo++;
  }
  return out;
}
