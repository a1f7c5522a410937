/**
 * The Pagefind filters of the search page and the values each can take in this edition.
 * Filter names and values are the words readers see. A lesson's filters are its facet terms;
 * an action note's and an event's are given here once, for both the search index
 * (search-records.ts) and the checkboxes, so the two cannot drift apart.
 */
import { actionNoteStatuses, sectors, sources } from '../../schemas/vocabularies.ts';
import { yearOf } from './dates.ts';
import { facet, facetCounts } from './facets.ts';
import type { EventEntry, Library, NoteEntry } from './library.ts';

/** A record's search filters: filter name to the values (readers' words) it has. */
export type Filters = Record<string, readonly string[]>;

/** The filters of an action note, as the index tags it and the search page offers them. */
export function noteFilters(note: NoteEntry): Filters {
  return {
    Type: ['Action note'],
    Status: [actionNoteStatuses.name(note.data.status)],
    Year: [yearOf(note.data.issued)],
  };
}

/** The filters of an event: its source, year, organisations and their sectors. */
export function eventFilters(event: EventEntry, lib: Library): Filters {
  const d = event.data;
  const orgs = d.organisations ?? [];
  return {
    Type: ['Event'],
    Source: [sources.name(d.type)],
    Year: [yearOf(d.start)],
    Organisation: orgs.map((o) => lib.organisationName(o)),
    Sector: orgs.flatMap((o) => {
      const sector = lib.organisation(o)?.data.sector;
      return sector ? [sectors.name(sector)] : [];
    }),
  };
}

export interface SearchFilter {
  /** The facet's key (`kinds`, `organisations`, …). */
  key: string;
  name: string;
  values: string[];
}

/**
 * The filters whose values are not written into the search page but fetched when the reader
 * opens them (`search/filter-values.json`): a national library has hundreds of organisations,
 * which were more than half of the search page's bytes.
 */
export const FETCHED_FILTERS = ['organisations'];

/** The facets that are search filters, in the order the search page offers them. */
export const SEARCH_FACETS = [
  'kinds',
  'principles',
  'models',
  'nrr-themes',
  'sectors',
  'organisations',
  'sources',
  'years',
  'statuses',
  'command-levels',
];

export function searchFilters(lib: Library): SearchFilter[] {
  // Action notes and events are searched too, with the filters the index gives them.
  const others = [...lib.notes.map(noteFilters), ...lib.events.map((e) => eventFilters(e, lib))];
  return SEARCH_FACETS.map((key) => {
    const f = facet(key);
    const values = new Set(
      facetCounts(f, lib)
        .filter((c) => c.count > 0)
        .map((c) => c.term.name),
    );
    for (const filters of others) for (const v of filters[f.filter] ?? []) values.add(v);
    const list = [...values];
    if (key === 'years') list.sort().reverse();
    else if (key === 'organisations') list.sort((a, b) => a.localeCompare(b, 'en-GB'));
    else {
      const order = facetCounts(f, lib, []).map((c) => c.term.name);
      list.sort(
        (a, b) =>
          (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) -
          (order.indexOf(b) === -1 ? 99 : order.indexOf(b)),
      );
    }
    return { key, name: f.filter, values: list };
  }).filter((f) => f.values.length > 0);
}
