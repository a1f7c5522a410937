/**
 * The Pagefind filters of the search page and the values each can take in this edition.
 * Filter names and values are the words readers see; the search index (search-records.ts)
 * tags each record with the same words, from the same vocabularies.
 */
import { actionNoteStatuses, sources } from '../../schemas/vocabularies.ts';
import { yearOf } from './dates.ts';
import { facetCounts, facets } from './facets.ts';
import type { Library } from './library.ts';

export interface SearchFilter {
  name: string;
  values: string[];
}

/** The facets that are search filters, in the order the search page offers them. */
export const SEARCH_FACETS = ['kinds', 'principles', 'models', 'nrr-themes', 'sectors', 'organisations', 'sources', 'years', 'statuses', 'command-levels'];

export function searchFilters(lib: Library): SearchFilter[] {
  return SEARCH_FACETS.map((key) => {
    const f = facets.find((x) => x.key === key)!;
    const values = new Set(facetCounts(f, lib).filter((c) => c.count > 0).map((c) => c.term.name));
    if (key === 'kinds') {
      if (lib.notes.length > 0) values.add('Action note');
      if (lib.events.length > 0) values.add('Event');
    }
    if (key === 'statuses') for (const n of lib.notes) values.add(actionNoteStatuses.name(n.data.status));
    if (key === 'years') {
      for (const n of lib.notes) values.add(yearOf(n.data.issued));
      for (const e of lib.events) values.add(yearOf(e.data.start));
    }
    if (key === 'sources') for (const e of lib.events) values.add(sources.name(e.data.type));
    if (key === 'organisations') for (const e of lib.events) for (const o of e.data.organisations ?? []) values.add(lib.organisationName(o));
    if (key === 'sectors') {
      for (const e of lib.events) for (const o of e.data.organisations ?? []) {
        const org = lib.organisation(o);
        if (org) values.add(facetCounts(f, lib, []).find((c) => c.term.id === org.data.sector)?.term.name ?? org.data.sector);
      }
    }
    let list = [...values];
    if (key === 'years') list.sort().reverse();
    else if (key === 'organisations') list.sort((a, b) => a.localeCompare(b, 'en-GB'));
    else {
      const order = facetCounts(f, lib, []).map((c) => c.term.name);
      list.sort((a, b) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)));
    }
    return { name: f.filter, values: list };
  }).filter((f) => f.values.length > 0);
}
