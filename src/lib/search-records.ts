/**
 * What the search index holds for each searchable record (lessons and notable practice,
 * action notes, events), built from the data rather than read back from the built pages.
 *
 * Each record is a small HTML document for Pagefind: the title (weighted most), the summary
 * (weighted next, and kept as the result's summary), the rendered body and a few words that
 * describe the record, with the filters and the date (YYYY-MM-DD, shown by the search page).
 * Only words a reader would search for are indexed — not navigation, related-lesson lists or
 * summary-list labels — so the index is smaller and results are more relevant; the filters
 * carry the organisations, sectors, principles and the rest.
 *
 * The date is not a Pagefind sort (`data-pagefind-sort`): Pagefind keeps every sort in the
 * metadata that each first search downloads (about 28 KB at 10,000 lessons), though most
 * searches are by best match. The record's `date` goes instead into a file of dates that the
 * search page fetches only when the reader orders by date (src/integrations/pagefind.ts).
 *
 * Building from data means the index can be built while Astro renders the pages (see
 * src/integrations/pagefind.ts) instead of afterwards from 20,000 files.
 */
import { actionNoteKinds, eventTypes } from '../../schemas/vocabularies.ts';
import { facet } from './facets.ts';
import type { EventEntry, LessonEntry, Library, NoteEntry } from './library.ts';
import { escapeHtml } from './page.ts';
import { eventFilters, type Filters, noteFilters, SEARCH_FACETS } from './search-filters.ts';
import { createUrls } from './urls.ts';

export interface SearchRecord {
  /** Address relative to the site root, without the base path (Pagefind adds it in the browser). */
  url: string;
  html: string;
  /** The date results are ordered by (YYYY-MM-DD): published, issued or started. */
  date: string;
}

const urls = createUrls({
  basePath: '/',
  siteUrl: 'http://localhost/',
  repositoryUrl: '',
  repositoryBranch: '',
});

interface Document {
  title: string;
  summary?: string;
  date: string;
  filters: Filters;
  text: string[];
  html?: string;
}

function document(o: Document): string {
  const filters = Object.entries(o.filters)
    .flatMap(([name, values]) =>
      [...new Set(values)].map(
        (v) => `<span data-pagefind-filter="${escapeHtml(name)}:${escapeHtml(v)}"></span>`,
      ),
    )
    .join('');
  return (
    `<!doctype html><html lang="en"><head><title>${escapeHtml(o.title)}</title></head><body>` +
    `<main data-pagefind-body data-pagefind-meta="date:${escapeHtml(o.date)}">` +
    `<h1 data-pagefind-weight="10">${escapeHtml(o.title)}</h1>` +
    (o.summary !== undefined
      ? `<p data-pagefind-meta="summary" data-pagefind-weight="5">${escapeHtml(o.summary)}</p>`
      : '') +
    o.text
      .filter((t) => t !== '')
      .map((t) => `<p>${escapeHtml(t)}</p>`)
      .join('') +
    (o.html ?? '') +
    filters +
    `</main></body></html>`
  );
}

/** A record at `url`: its document, ordered by the document's date. */
function record(url: string, o: Document): SearchRecord {
  return { url, date: o.date, html: document(o) };
}

/**
 * For each search filter, its facet and the names of its terms: a lesson's filters are the
 * facet terms it has, in the words of the search page's checkboxes (search-filters.ts).
 * Worked out once per library (organisations' names are a list per library).
 */
const filterFacets = new WeakMap<
  Library,
  { facet: ReturnType<typeof facet>; names: Map<string, string> }[]
>();
function lessonFilters(lesson: LessonEntry, lib: Library): Filters {
  let list = filterFacets.get(lib);
  if (!list) {
    list = SEARCH_FACETS.map((key) => {
      const f = facet(key);
      return { facet: f, names: new Map(f.terms(lib).map((t) => [t.id, t.name])) };
    });
    filterFacets.set(lib, list);
  }
  return Object.fromEntries(
    list.map(({ facet: f, names }) => [
      f.filter,
      f.valuesOf(lesson, lib).map((id) => names.get(id) ?? id),
    ]),
  );
}

export function lessonRecord(lesson: LessonEntry, lib: Library): SearchRecord {
  const d = lesson.data;
  return record(urls.lesson(lesson.id), {
    title: d.title,
    summary: d.summary,
    date: lesson.published,
    text: [(d.tags ?? []).join(', ')],
    html: lesson.html,
    filters: lessonFilters(lesson, lib),
  });
}

export function noteRecord(note: NoteEntry): SearchRecord {
  const d = note.data;
  return record(urls.note(note.id), {
    title: d.title,
    summary: d.summary,
    date: d.issued,
    text: [
      `${note.id}, ${actionNoteKinds.name(d.kind)}`,
      ...(d.recommendations ?? []).map((r) => r.text),
    ],
    html: note.html,
    filters: noteFilters(note),
  });
}

export function eventRecord(event: EventEntry, lib: Library): SearchRecord {
  const d = event.data;
  return record(urls.event(event.id), {
    title: d.name,
    date: d.start,
    text: [eventTypes.name(d.type), d.area ?? '', d.forum ? lib.organisationName(d.forum) : ''],
    filters: eventFilters(event, lib),
  });
}

/** Every searchable record of the edition, lessons first. */
export function searchRecords(lib: Library): SearchRecord[] {
  return [
    ...lib.lessons.map((l) => lessonRecord(l, lib)),
    ...lib.notes.map((n) => noteRecord(n)),
    ...lib.events.map((e) => eventRecord(e, lib)),
  ];
}
