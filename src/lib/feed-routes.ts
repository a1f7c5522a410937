/** The feeds the site publishes, shared by the feed endpoints, the subscribe page and the tests. */
import { facets, lessonsWith } from './facets.ts';
import { FEED_ITEMS, type FeedSpec } from './feeds.ts';
import type { Library } from './library.ts';
import type { Urls } from './urls.ts';

export function mainFeedSpec(lib: Library, urls: Urls): FeedSpec {
  return {
    title: 'All lessons',
    description: `The newest lessons identified and notable practice published in JOL Library (up to ${FEED_ITEMS}), newest first.`,
    page: urls.lessons(),
    self: { rss: urls.feed('rss'), atom: urls.feed('atom'), json: urls.feed('json') },
    lessons: lib.lessons,
  };
}

/** One feed per principle, NRR theme, sector and organisation (also those with no lessons yet). */
export function facetFeedSpecs(
  lib: Library,
  urls: Urls,
): { facet: string; term: string; spec: FeedSpec }[] {
  return facets
    .filter((f) => f.feed)
    .flatMap((f) =>
      f.terms(lib).map((term) => ({
        facet: f.key,
        term: term.id,
        spec: {
          title: `${f.label}: ${term.name}`,
          description: `The newest lessons in JOL Library about the ${f.label.toLowerCase()} ${term.name} (up to ${FEED_ITEMS}), newest first.`,
          page: urls.facetTerm(f.key, term.id),
          self: { rss: urls.facetFeed(f.key, term.id) },
          lessons: lessonsWith(f, term.id, lib),
        },
      })),
    );
}
