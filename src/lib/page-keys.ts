/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose
 * key and code are unchanged since the last build is copied from the cache instead of being
 * rendered again, which is what makes a rebuild after one changed lesson fast.
 *
 * A key is a hash of everything the page shows — whole records, not chosen fields, so a key
 * can only be too cautious (a page rendered again that did not need to be), never stale —
 * plus the site's settings (edition, build date, addresses), which Astro's own config hash
 * does not see because they come from the environment. tests/site/incremental.test.ts
 * rebuilds after changes of each kind and compares the output with a clean build, and
 * tests/site/incremental-property.test.ts does so after seeded random edit sequences: a page
 * whose key misses something it shows fails it, named with the seed and the edits.
 */
import { createHash } from 'node:crypto';
import { siteConfig } from './config.ts';
import { sidebarSections } from './facets.ts';
import { type FeedSpec, feedLessons } from './feeds.ts';
import type { LessonEntry, Library } from './library.ts';
import { pageSlice } from './paging.ts';

/** Bump when what the keys cover changes shape. */
const VERSION = '2';
const context = JSON.stringify([VERSION, siteConfig()]);

const digests = new WeakMap<object, string>();

function digest(s: string): string {
  return createHash('sha1').update(s).digest('base64url');
}

function text(part: unknown): string {
  if (part === undefined) return '-';
  if (typeof part !== 'object' || part === null) return JSON.stringify(part);
  if (Array.isArray(part)) return `[${part.map(text).join(',')}]`;
  // Records are the same objects on every page of a build, and a record appears on many pages
  // (its own, its lists, its neighbours'): hash each once and let page keys hash the digests.
  let d = digests.get(part);
  if (d === undefined) digests.set(part, (d = digest(JSON.stringify(part, plain))));
  return d;
}

/** Maps and sets hash as their entries: JSON.stringify would write them as `{}` and miss a change. */
function plain(_key: string, value: unknown): unknown {
  return value instanceof Map || value instanceof Set ? [...value] : value;
}

/** The key of a page showing the given parts (records, lists of records, numbers, strings). */
export function pageKey(...parts: unknown[]): string {
  const hash = createHash('sha1').update(context);
  for (const part of parts) hash.update('\0').update(text(part));
  return hash.digest('base64url');
}

/** What a lesson list shows of each lesson: the lesson and the organisation that submitted it. */
export function listed(lib: Library, lessons: readonly LessonEntry[]): unknown[] {
  return lessons.map((l) => [l, lib.organisation(l.data.submitted_by)]);
}

/** A page of a lesson list (LessonListPage): its lessons, the size of the whole list and the sidebar's counts. */
export function listPageKey(
  lib: Library,
  lessons: readonly LessonEntry[],
  page: number,
  ...extra: unknown[]
): string {
  const sidebar = sidebarSections(lib, lessons).map((x) => [
    x.facet.key,
    x.counts.map((c) => [c.term.id, c.term.name, c.count]),
  ]);
  return pageKey(...extra, page, lessons.length, listed(lib, pageSlice(lessons, page)), sidebar);
}

/** A feed: its description and the lessons it carries, with the organisations their categories name sectors from. */
export function feedKey(lib: Library, spec: FeedSpec): string {
  const { lessons: _all, ...described } = spec;
  const items = feedLessons(spec);
  return pageKey(
    described,
    items,
    items.map((l) => lib.organisationsOf(l).map((o) => lib.organisation(o))),
  );
}
