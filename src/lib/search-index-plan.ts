/**
 * Decides how a build gets its search index: the last full index as it is, that index plus a
 * small "delta" index of the records changed since, or a new full index.
 *
 * Pagefind cannot update an index: re-indexing 11,000 records takes about half a minute of a
 * core, and a merged pull request usually changes one or two. So the full index built last
 * (the base) is kept with a manifest of what it holds, and while few records have changed
 * since, only those are indexed, into a delta that the search page merges in the browser
 * (Pagefind's mergeIndex), hiding the base's out-of-date pages (`superseded`) and leaving out
 * their fragments, which hold their text. Once more than `deltaLimit()` records have changed,
 * or when a record has left the edition (deleted, or no longer public), the next build
 * indexes everything again and that becomes the base: the words of a record that must go are
 * in the full index's chunks too. JOL_SEARCH_INDEX=full asks for that at any time (for
 * example to take words taken out of a lesson out of the index at once). The delta always holds every change since the base, so builds do not depend on
 * one another beyond the base.
 *
 * The plan is worked out here; src/integrations/pagefind.ts reads and writes the files.
 */
import { createHash } from 'node:crypto';
import { plural } from './page.ts';

/** What a full index holds, kept beside it in the cache dir. */
export interface BaseManifest {
  /** Pagefind's version and indexing options: another setting needs another index. */
  settings: string;
  /** For each record's address, the hash of the document indexed for it. */
  documents: Record<string, string>;
  /** For each record's address, the id Pagefind gave its page (the result id in the browser). */
  pages: Record<string, string>;
}

export interface HashedRecord {
  url: string;
  hash: string;
}

export type IndexPlan =
  /** The base holds exactly these records: use it alone. */
  | { kind: 'base' }
  /**
   * Index these records alone; the base's pages for them (`superseded`) are hidden in the
   * browser and their fragments (their text and address) left out of the output.
   */
  | { kind: 'delta'; changed: string[]; superseded: string[]; key: string }
  | { kind: 'full'; reason: string };

export function documentHash(html: string): string {
  return createHash('sha1').update(html).digest('hex');
}

/** How many records may differ from the base before a full index is cheaper for readers: 1%, at least 20. */
export function deltaLimit(records: number): number {
  return Math.max(20, Math.ceil(records / 100));
}

/**
 * The plan for this build's settings. The public edition always indexes every record: a base
 * index keeps the words of a record as it was (a name taken out of a lesson, say) in its
 * chunks, and a public reader must never be able to find them. Deltas are for the responders
 * edition, previews and local work. JOL_SEARCH_INDEX=full asks for a full index anywhere.
 */
export function choosePlan(
  settings: { edition: 'responders' | 'public'; searchIndex: 'auto' | 'full' },
  plan: () => IndexPlan,
): IndexPlan {
  if (settings.searchIndex === 'full') return { kind: 'full', reason: 'JOL_SEARCH_INDEX=full' };
  if (settings.edition === 'public')
    return { kind: 'full', reason: 'the public edition indexes every record each time' };
  return plan();
}

export function planIndex(
  base: BaseManifest | undefined,
  settings: string,
  records: HashedRecord[],
  limit = deltaLimit(records.length),
): IndexPlan {
  if (!base) return { kind: 'full', reason: 'no earlier index' };
  if (base.settings !== settings)
    return { kind: 'full', reason: 'Pagefind or its settings changed' };
  const current = new Set(records.map((r) => r.url));
  const changedRecords = records.filter((r) => base.documents[r.url] !== r.hash);
  const changed = changedRecords.map((r) => r.url);
  const removed = Object.keys(base.documents).filter((url) => !current.has(url));
  if (changed.length === 0 && removed.length === 0) return { kind: 'base' };
  // A record deleted, or no longer in this edition (say, no longer public), must leave the
  // edition's index altogether: its words are in the full index's chunks, not just its page.
  if (removed.length > 0)
    return { kind: 'full', reason: `${plural(removed.length, 'record')} left the edition` };
  if (changed.length + removed.length > limit)
    return {
      kind: 'full',
      reason: `${changed.length + removed.length} records changed since the last full index (more than ${limit})`,
    };
  const superseded = changed.flatMap((url) => (base.pages[url] ? [base.pages[url]] : [])).sort();
  const key = createHash('sha1').update(settings);
  for (const r of changedRecords) key.update('\0').update(r.url).update('\0').update(r.hash);
  for (const id of superseded) key.update('\0-').update(id);
  return { kind: 'delta', changed, superseded, key: key.digest('hex') };
}

const SHARED = Symbol.for('jol-library.search-delta');
type Shared = typeof globalThis & { [SHARED]?: Promise<boolean> };

/**
 * Tells the search page, which Astro renders in another module graph than the integration's,
 * whether this build's index has a delta to merge (src/pages/search.astro asks; the search
 * index integration answers as soon as it has planned the index).
 */
export function shareSearchDelta(hasDelta: Promise<boolean>): void {
  (globalThis as Shared)[SHARED] = hasDelta;
}

/** Whether this build's search index has a delta: false where no index is built (astro dev). */
export function searchHasDelta(): Promise<boolean> {
  return (globalThis as Shared)[SHARED] ?? Promise.resolve(false);
}
