/**
 * The values of the search filters that the search page fetches when the reader opens them
 * (FETCHED_FILTERS: the organisations) instead of carrying them in its HTML: filter name to
 * values, in the order the page would show them.
 */
import type { APIRoute } from 'astro';
import { FETCHED_FILTERS, searchFilters } from '../../lib/search-filters.ts';
import { getLibrary } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const filters = searchFilters(await getLibrary()).filter((f) => FETCHED_FILTERS.includes(f.key));
  return new Response(JSON.stringify(Object.fromEntries(filters.map((f) => [f.name, f.values]))), {
    headers: { 'Content-Type': 'application/json' },
  });
};
