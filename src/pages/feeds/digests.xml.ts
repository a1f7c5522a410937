import type { APIRoute } from 'astro';
import { buildDigestFeed } from '../../lib/digests.ts';
import { feedSite, getLibrary, urls } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const lib = await getLibrary();
  return new Response(buildDigestFeed(lib, urls, feedSite).rss2(), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
};
