/**
 * The search page's query as plain data: the words, the order and the checked filters, read
 * from the form or the address and written back to the address, and turned into Pagefind's
 * search options. Pure functions of their arguments (no DOM, no module state), so the page
 * script (src/scripts/search.ts) only wires them to the form, and they are unit-tested here.
 */
import { formatDate } from './dates.ts';

/** How results are ordered: '' by relevance, 'oldest' oldest first, anything else newest first (the form's select). */
export type SearchOrder = string;

/** What the reader asked for. `filters` maps a filter name to its checked values, in form order. */
export interface SearchQuery {
  q: string;
  sort: SearchOrder;
  filters: Record<string, string[]>;
}

/** The options Pagefind's search() takes (no sort: results are put in date order by search-merge.ts). */
export interface SearchOptions {
  filters?: Record<string, { any: string[] }>;
}

/**
 * The query from name/value pairs, as a form's FormData or the address's URLSearchParams give
 * them: `q` (its words trimmed), `sort`, and every other name a filter. Values that are not
 * strings (files) are not filters.
 */
export function parseQuery(entries: Iterable<[string, unknown]>): SearchQuery {
  let q = '';
  let sort = '';
  let seenQ = false;
  let seenSort = false;
  const filters: Record<string, string[]> = {};
  for (const [name, value] of entries) {
    // FormData.get and URLSearchParams.get give the first value of a name: so does this.
    if (name === 'q') {
      if (!seenQ) q = String(value);
      seenQ = true;
    } else if (name === 'sort') {
      if (!seenSort) sort = String(value);
      seenSort = true;
    } else if (typeof value === 'string') (filters[name] ??= []).push(value);
  }
  return { q: q.trim(), sort, filters };
}

/** True when there is nothing to search for: no words and no filter checked. */
export function isBlank(query: SearchQuery): boolean {
  return !query.q && Object.keys(query.filters).length === 0;
}

/** The address's query string for a query (without `?`): `q`, `sort`, then the filters; empty when all are. */
export function queryString(query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.sort) params.set('sort', query.sort);
  for (const [name, values] of Object.entries(query.filters))
    for (const v of values) params.append(name, v);
  return params.toString();
}

/** Whether a filter's checkbox is checked in a query. */
export function isChecked(query: SearchQuery, name: string, value: string): boolean {
  return query.filters[name]?.includes(value) ?? false;
}

/** Pagefind's search options: every checked value of a filter matches (`any`). */
export function searchOptions(filters: SearchQuery['filters']): SearchOptions {
  return {
    filters: Object.fromEntries(
      Object.entries(filters).map(([name, values]) => [name, { any: values }]),
    ),
  };
}

/**
 * The fewest characters of the word being typed for which the page searches as soon as the
 * reader pauses. Pagefind matches the words that start with what is typed, and fetches every
 * index chunk holding such words: for one or two letters that is much of the index (searching
 * on every key from the first letter fetched 2.1 MB while typing "b" at 10,000 lessons).
 */
export const MIN_TYPED_CHARACTERS = 3;

/** How long typing must pause before a search runs (see typingPause). */
export const TYPING_PAUSE_MS = { least: 80, most: 180, short: 700 };

/**
 * Whether the words typed are worth searching for at a short pause: the last word (the one
 * being typed) has at least MIN_TYPED_CHARACTERS characters.
 */
export function worthSearching(q: string): boolean {
  const words = q.replace(/"/g, ' ').trim().split(/\s+/);
  return [...(words[words.length - 1] ?? '')].length >= MIN_TYPED_CHARACTERS;
}

/**
 * How long after a keystroke to wait, with no further key, before searching: a pause in the
 * reader's own rhythm, 1.5 times the time since the key before (`sinceLastKey`, undefined for
 * a first key), kept between `least` and `most`; `short` when the word being typed is shorter
 * than MIN_TYPED_CHARACTERS. A reader typing a key every 150 ms waits 180 ms, and none of the
 * words on the way ("con", "cont", …) is searched, so that typing a word downloads little more
 * than searching it at once (each search fetches the index chunks of the words that start with
 * what was typed, and its first results' text); a faster typist waits less. The least pause still gathers a burst of keys, auto-repeat or an input method's
 * characters into one search.
 */
export function typingPause(q: string, sinceLastKey: number | undefined): number {
  const { least, most, short } = TYPING_PAUSE_MS;
  if (!worthSearching(q)) return short;
  if (sinceLastKey === undefined) return most;
  return Math.round(Math.min(most, Math.max(least, 1.5 * sinceLastKey)));
}

/**
 * Whether date `a` comes before date `b` in the order (YYYY-MM-DD strings compare as dates):
 * newer first unless the order is 'oldest'. Equal dates come before neither.
 */
export function comesFirst(sort: SearchOrder, a: string, b: string): boolean {
  return sort === 'oldest' ? a < b : a > b;
}

/** A comparator for Array.prototype.sort putting dates in the order (stable for equal dates). */
export function byDate(sort: SearchOrder): (a: string, b: string) => number {
  return (a, b) => (comesFirst(sort, a, b) ? -1 : comesFirst(sort, b, a) ? 1 : 0);
}

/** "2 April 2024" from the index's YYYY-MM-DD; any other text as it is. */
export function shownDate(date: string | undefined): string | undefined {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date) : date;
}

/** The status line once results are shown: how many, for which words. */
export function resultsStatus(count: number, q: string): string {
  const what = q ? ` for “${q}”` : '';
  return count === 0
    ? `No results${what}. Check the spelling, use fewer words or clear some filters.`
    : `${count} ${count === 1 ? 'result' : 'results'}${what}`;
}
