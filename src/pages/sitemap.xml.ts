/** Sitemap of the edition's pages (only its own records: built from the same Library). */
import type { APIRoute } from 'astro';
import { digestQuarters } from '../lib/digests.ts';
import { facets, lessonsWith } from '../lib/facets.ts';
import { learningFigures } from '../lib/learning/figures.ts';
import { escapeHtml } from '../lib/page.ts';
import { pageParams } from '../lib/paging.ts';
import { getLibrary, urls } from '../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const lib = await getLibrary();
  const entries: { loc: string; lastmod?: string }[] = [
    { loc: urls.home() },
    { loc: urls.search() },
    { loc: urls.guide('topics') },
    { loc: urls.notes() },
    { loc: urls.events() },
    { loc: urls.organisations() },
    { loc: urls.digests() },
    { loc: urls.trends() },
    { loc: urls.assurance() },
    { loc: urls.data() },
    ...[...learningFigures(lib).index.assurance.keys()].map((id) => ({ loc: urls.assurance(id) })),
    ...['about', 'criteria', 'submit', 'review', 'subscribe', 'more', 'offline'].map((g) => ({
      loc: urls.guide(g),
    })),
    ...pageParams(lib.lessons.length).map((p) => ({ loc: urls.lessons(p.number) })),
    ...pageParams(lib.notablePractice.length).map((p) => ({ loc: urls.notablePractice(p.number) })),
    ...lib.lessons.map((l) => ({ loc: urls.lesson(l.id), lastmod: l.lastChanged ?? l.published })),
    ...lib.notes.map((n) => ({ loc: urls.note(n.id), lastmod: n.lastChanged })),
    ...lib.events.map((e) => ({ loc: urls.event(e.id), lastmod: e.lastChanged })),
    ...lib.organisations.map((o) => ({ loc: urls.organisation(o.id) })),
    ...digestQuarters(lib).map((q) => ({ loc: urls.digest(q) })),
    ...facets
      .filter((f) => f.pages)
      .flatMap((f) => [
        { loc: urls.facetIndex(f.key) },
        ...f.terms(lib).flatMap((t) =>
          pageParams(lessonsWith(f, t.id, lib).length).map((p) => ({
            loc: urls.facetTerm(f.key, t.id, p.number),
          })),
        ),
      ]),
  ];
  const body = entries
    .map(
      (e) =>
        `<url><loc>${escapeHtml(urls.absolute(e.loc))}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
