/**
 * Quarterly digests: a quarter has a digest when a lesson of the edition was published, or an
 * action note of the edition issued, in it (content model, "Editions and derived figures").
 * The figures come from `learning/digest.ts`, computed once per build by `learningFigures`.
 * The digest feed carries one item per completed quarter, so a subscriber gets each digest
 * once, when its quarter is over.
 */
import { quarterName, toDate } from './dates.ts';
import { type FeedDocument, feedDocument } from './feed-writer.ts';
import type { FeedSite } from './feeds.ts';
import { quarterBounds } from './learning/digest.ts';
import { learningFigures } from './learning/figures.ts';
import type { Library } from './library.ts';
import { escapeHtml, plural } from './page.ts';
import type { Urls } from './urls.ts';

/** Quarters with a digest, newest first. */
export function digestQuarters(lib: Library): string[] {
  return learningFigures(lib).quarters;
}

/** Whether a quarter is over on the build date (its digest will not change any more). */
export function quarterComplete(quarter: string, today: string): boolean {
  return quarterBounds(quarter).end < today;
}

/** One sentence of what a digest holds, for the index, the feed and the page description. */
export function digestSummary(lib: Library, quarter: string): string {
  const d = learningFigures(lib).digest(quarter);
  return `${plural(d.identified.length, 'lesson')} identified, ${plural(d.practice.length, 'notable practice', 'notable practices')}, ${plural(d.notesIssued.length, 'action note')} issued and ${plural(d.trends.length, 'recurring issue')} flagged.`;
}

/** RSS and Atom of the completed quarters' digests, newest first. */
export function buildDigestFeed(lib: Library, urls: Urls, site: FeedSite): FeedDocument {
  const figures = learningFigures(lib);
  const quarters = figures.quarters.filter((q) => quarterComplete(q, lib.today));
  return feedDocument({
    title: `Quarterly digests – ${site.name}`,
    description:
      'The JOL quarterly lessons digest: new lessons and notable practice, action notes, assurance progress and recurring issues, one item per quarter.',
    page: urls.absolute(urls.digests()),
    self: {
      rss: urls.absolute(urls.digestFeed('rss')),
      atom: urls.absolute(urls.digestFeed('atom')),
    },
    language: 'en-GB',
    updated: toDate(quarters[0] ? quarterBounds(quarters[0]).end : lib.today),
    publisher: site.name,
    rights: site.rights,
    items: quarters.map((quarter) => {
      const d = figures.digest(quarter);
      const link = urls.absolute(urls.digest(quarter));
      const summary = digestSummary(lib, quarter);
      // The digest's lessons as HTML: each title is plain text, escaped once.
      const items = [...d.identified, ...d.practice].map(
        (l) =>
          `<li><a href="${escapeHtml(urls.absolute(urls.lesson(l.id)))}">${escapeHtml(l.data.title)}</a></li>`,
      );
      return {
        id: link,
        link,
        title: `Quarterly digest: ${quarterName(quarter)}`,
        summary,
        contentHtml: `<p>${escapeHtml(summary)}</p>${items.length ? `<ul>${items.join('')}</ul>` : ''}`,
        published: toDate(d.end),
        categories: [],
      };
    }),
  });
}
