/** The public edition may be crawled; the responders edition holds OFFICIAL-SENSITIVE material and must not be. */
import type { APIRoute } from 'astro';
import { config, urls } from '../lib/site-data.ts';

export const GET: APIRoute = () => {
  const body =
    config.edition === 'public'
      ? `User-agent: *\nAllow: /\n\nSitemap: ${urls.absolute('sitemap.xml')}\n`
      : 'User-agent: *\nDisallow: /\n';
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
