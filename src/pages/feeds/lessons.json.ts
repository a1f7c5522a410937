import type { APIRoute } from 'astro';
import { mainFeedSpec } from '../../lib/feed-routes.ts';
import { buildFeed } from '../../lib/feeds.ts';
import { feedSite, getLibrary, urls } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const lib = await getLibrary();
  return new Response(buildFeed(mainFeedSpec(lib, urls), lib, urls, feedSite).json1(), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
};
