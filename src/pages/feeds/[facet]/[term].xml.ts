import type { APIRoute, GetStaticPaths } from 'astro';
import { facetFeedSpecs } from '../../../lib/feed-routes.ts';
import { buildFeed, type FeedSpec } from '../../../lib/feeds.ts';
import { feedKey } from '../../../lib/page-keys.ts';
import { feedSite, getLibrary, urls } from '../../../lib/site-data.ts';

export const getStaticPaths = (async () => {
  const lib = await getLibrary();
  return facetFeedSpecs(lib, urls).map(({ facet, term, spec }) => ({
    params: { facet, term },
    props: { spec },
    cacheKey: feedKey(lib, spec),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const lib = await getLibrary();
  return new Response(buildFeed(props.spec as FeedSpec, lib, urls, feedSite).rss2(), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
};
