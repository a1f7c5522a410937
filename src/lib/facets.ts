/**
 * The ways to browse lessons. Each facet names its terms in words (from the vocabularies in
 * schemas/), says which terms a lesson has, and gives the URL segment of its pages and the
 * name of its search filter. List pages, facet pages, feeds and the search index all read
 * this one table.
 */
import {
  commandLevels,
  lessonKinds,
  lessonStatuses,
  models,
  principles,
  riskThemes,
  risks,
  sectors,
  sources,
  themeOf,
  type Term,
} from '../../schemas/vocabularies.ts';
import { yearOf } from './dates.ts';
import { groupBy, type LessonEntry, type Library } from './library.ts';

export interface Facet {
  /** URL segment of the facet's pages: /principles/co-locate/ */
  key: string;
  /** Singular name: "JESIP principle". */
  label: string;
  /** Plural name for headings: "JESIP principles". */
  plural: string;
  /** Name of the Pagefind filter. */
  filter: string;
  /** Every term, in vocabulary order (also those with no lessons). */
  terms(lib: Library): Term[];
  /** The term ids a lesson has. */
  valuesOf(lesson: LessonEntry, lib: Library): string[];
  /** Whether each term has its own page under /<key>/<term>/ (false: a page elsewhere). */
  pages: boolean;
  /** Whether each term has its own feed. */
  feed: boolean;
}

const list = (v: readonly string[] | undefined): string[] => [...(v ?? [])];

/** The years that have lessons, newest first (worked out once per library: list pages ask for it on every page). */
const yearsOf = new WeakMap<Library, Term[]>();
function yearTerms(lib: Library): Term[] {
  let terms = yearsOf.get(lib);
  if (!terms) {
    terms = [...new Set(lib.lessons.map((l) => yearOf(l.data.date)))]
      .sort()
      .reverse()
      .map((y) => ({ id: y, name: y }));
    yearsOf.set(lib, terms);
  }
  return terms;
}

export const facets: readonly Facet[] = [
  {
    key: 'kinds',
    label: 'Type',
    plural: 'Types',
    filter: 'Type',
    terms: () => [...lessonKinds.terms],
    valuesOf: (l) => [l.data.kind],
    pages: true,
    feed: false,
  },
  {
    key: 'principles',
    label: 'JESIP principle',
    plural: 'JESIP principles',
    filter: 'Principle',
    terms: () => [...principles.terms],
    valuesOf: (l) => list(l.data.principles),
    pages: true,
    feed: true,
  },
  {
    key: 'models',
    label: 'JESIP model',
    plural: 'JESIP models',
    filter: 'Model',
    terms: () => [...models.terms],
    valuesOf: (l) => list(l.data.models),
    pages: true,
    feed: false,
  },
  {
    key: 'nrr-themes',
    label: 'National Risk Register theme',
    plural: 'National Risk Register themes',
    filter: 'Risk theme',
    terms: () => [...riskThemes.terms],
    valuesOf: (l) => [
      ...new Set(
        list(l.data.risks)
          .map((r) => themeOf(r))
          .filter((t): t is string => t !== undefined),
      ),
    ],
    pages: true,
    feed: true,
  },
  {
    key: 'risks',
    label: 'National Risk Register risk',
    plural: 'National Risk Register risks',
    filter: 'Risk',
    terms: () => [...risks.terms],
    valuesOf: (l) => list(l.data.risks),
    pages: true,
    feed: false,
  },
  {
    key: 'sectors',
    label: 'Sector',
    plural: 'Sectors',
    filter: 'Sector',
    terms: () => [...sectors.terms],
    valuesOf: (l, lib) => lib.sectorsOf(l),
    pages: true,
    feed: true,
  },
  {
    key: 'organisations',
    label: 'Organisation',
    plural: 'Organisations',
    filter: 'Organisation',
    terms: (lib) => lib.organisations.map((o) => ({ id: o.id, name: o.data.name })),
    valuesOf: (l, lib) => lib.organisationsOf(l),
    pages: false,
    feed: true,
  },
  {
    key: 'sources',
    label: 'Source',
    plural: 'Sources',
    filter: 'Source',
    terms: () => [...sources.terms],
    valuesOf: (l) => [l.data.source],
    pages: true,
    feed: false,
  },
  {
    key: 'statuses',
    label: 'Status',
    plural: 'Statuses',
    filter: 'Status',
    terms: () => [...lessonStatuses.terms],
    valuesOf: (l) => [l.data.status],
    pages: true,
    feed: false,
  },
  {
    key: 'command-levels',
    label: 'Command level',
    plural: 'Command levels',
    filter: 'Command level',
    terms: () => [...commandLevels.terms],
    valuesOf: (l) => list(l.data.command_levels),
    pages: true,
    feed: false,
  },
  {
    key: 'years',
    label: 'Year',
    plural: 'Years',
    filter: 'Year',
    terms: (lib) => yearTerms(lib),
    valuesOf: (l) => [yearOf(l.data.date)],
    pages: true,
    feed: false,
  },
];

export function facet(key: string): Facet {
  const found = facets.find((f) => f.key === key);
  if (!found) throw new Error(`Unknown facet "${key}"`);
  return found;
}

export function termName(f: Facet, id: string, lib: Library): string {
  return f.terms(lib).find((t) => t.id === id)?.name ?? id;
}

/**
 * The lessons of every term of a facet, grouped in one pass over the collection and kept for
 * the build: a topic with hundreds of list pages must not scan every lesson for each page.
 */
const grouped = new WeakMap<readonly LessonEntry[], Map<string, Map<string, LessonEntry[]>>>();

function groupsOf(
  f: Facet,
  lib: Library,
  lessons: readonly LessonEntry[],
): Map<string, LessonEntry[]> {
  let byFacet = grouped.get(lessons);
  if (!byFacet) grouped.set(lessons, (byFacet = new Map<string, Map<string, LessonEntry[]>>()));
  let groups = byFacet.get(f.key);
  if (!groups) {
    groups = groupBy(lessons, (l) => termsOf(f, l, lib));
    byFacet.set(f.key, groups);
  }
  return groups;
}

/** The lessons having a term of a facet, in the order of `lessons` (the same array on every call). */
export function lessonsWith(
  f: Facet,
  termId: string,
  lib: Library,
  lessons: readonly LessonEntry[] = lib.lessons,
): LessonEntry[] {
  return groupsOf(f, lib, lessons).get(termId) ?? [];
}

/**
 * Each lesson's terms of each facet, without repeats, worked out once per build: every list
 * page's sidebar counts them again for its own lessons.
 */
const termsOfLesson = new WeakMap<LessonEntry, Map<string, readonly string[]>>();
function termsOf(f: Facet, lesson: LessonEntry, lib: Library): readonly string[] {
  let byFacet = termsOfLesson.get(lesson);
  if (!byFacet) termsOfLesson.set(lesson, (byFacet = new Map<string, readonly string[]>()));
  let terms = byFacet.get(f.key);
  if (!terms) byFacet.set(f.key, (terms = [...new Set(f.valuesOf(lesson, lib))]));
  return terms;
}

/**
 * How many of the given lessons have each term of a facet, in term order. Counted without
 * grouping the lessons, unless they are grouped already (a sidebar needs only the counts).
 */
export function facetCounts(
  f: Facet,
  lib: Library,
  lessons: readonly LessonEntry[] = lib.lessons,
): { term: Term; count: number }[] {
  const groups = grouped.get(lessons)?.get(f.key);
  if (groups)
    return f.terms(lib).map((term) => ({ term, count: groups.get(term.id)?.length ?? 0 }));
  const counts = new Map<string, number>();
  for (const lesson of lessons)
    for (const id of termsOf(f, lesson, lib)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return f.terms(lib).map((term) => ({ term, count: counts.get(term.id) ?? 0 }));
}

/** The facets a list page's sidebar offers, in order. */
const SIDEBAR = [
  'kinds',
  'principles',
  'models',
  'nrr-themes',
  'sectors',
  'sources',
  'statuses',
  'command-levels',
  'years',
];
const sidebars = new WeakMap<
  readonly LessonEntry[],
  { facet: Facet; counts: { term: Term; count: number }[] }[]
>();

/** The sidebar of a list of lessons: each facet with the terms that occur and their counts (worked out once per list). */
export function sidebarSections(
  lib: Library,
  lessons: readonly LessonEntry[],
): { facet: Facet; counts: { term: Term; count: number }[] }[] {
  let sections = sidebars.get(lessons);
  if (!sections) {
    sections = facets
      .filter((f) => SIDEBAR.includes(f.key))
      .map((f) => ({ facet: f, counts: facetCounts(f, lib, lessons).filter((c) => c.count > 0) }))
      .filter((x) => x.counts.length > 0);
    sidebars.set(lessons, sections);
  }
  return sections;
}
