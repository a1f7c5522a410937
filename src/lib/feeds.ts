/**
 * RSS 2.0, Atom and JSON Feed of lessons, written by `feed-writer.ts`. Items are newest first
 * by published date; each carries the full summary (plain text: a text field where the format
 * has one, escaped once where it takes HTML) and its categories (type, principles, models,
 * risks, sectors) in words.
 */
import { lessonKinds, models, principles, risks, sectors } from '../../schemas/vocabularies.ts';
import { byDateDesc, toDate } from './dates.ts';
import { type FeedDocument, feedDocument } from './feed-writer.ts';
import type { LessonEntry, Library } from './library.ts';
import type { Urls } from './urls.ts';

export interface FeedSpec {
  title: string;
  description: string;
  /** Site-relative path of the page the feed follows (its HTML equivalent). */
  page: string;
  /** Site-relative path of this feed and its siblings. */
  self: { rss: string; atom?: string; json?: string };
  lessons: readonly LessonEntry[];
}

/**
 * What every feed says about the site: its name (jol.config.json `name`) and the edition's
 * licence statement (`editions.<edition>.licence`: the Open Government Licence for the public
 * edition, handling restrictions for the responders edition).
 */
export interface FeedSite {
  name: string;
  rights: string;
}

export function categoriesOf(lesson: LessonEntry, lib: Library): string[] {
  return [
    lessonKinds.name(lesson.data.kind),
    ...(lesson.data.principles ?? []).map((p) => principles.name(p)),
    ...(lesson.data.models ?? []).map((m) => models.name(m)),
    ...(lesson.data.risks ?? []).map((r) => risks.name(r)),
    ...lib.sectorsOf(lesson).map((s) => sectors.name(s)),
  ];
}

/**
 * Items per feed: the newest lessons, as feed readers poll for what is new. A national library
 * holds tens of thousands of lessons; the whole collection is in the data files (/data/).
 */
export const FEED_ITEMS = 100;

/** The lessons a feed carries: the newest FEED_ITEMS. */
export function feedLessons(spec: FeedSpec): LessonEntry[] {
  return [...spec.lessons]
    .sort(
      byDateDesc(
        (l) => l.published,
        (l) => l.id,
      ),
    )
    .slice(0, FEED_ITEMS);
}

export function buildFeed(spec: FeedSpec, lib: Library, urls: Urls, site: FeedSite): FeedDocument {
  const sorted = feedLessons(spec);
  const newest = sorted[0]?.published ?? lib.today;
  return feedDocument({
    title: `${spec.title} – ${site.name}`,
    description: spec.description,
    page: urls.absolute(spec.page),
    self: {
      rss: urls.absolute(spec.self.rss),
      ...(spec.self.atom ? { atom: urls.absolute(spec.self.atom) } : {}),
      ...(spec.self.json ? { json: urls.absolute(spec.self.json) } : {}),
    },
    language: 'en-GB',
    updated: toDate(newest),
    publisher: site.name,
    rights: site.rights,
    items: sorted.map((lesson) => {
      const link = urls.absolute(urls.lesson(lesson.id));
      return {
        id: link,
        link,
        title: lesson.data.title,
        summary: lesson.data.summary,
        published: toDate(lesson.published),
        categories: categoriesOf(lesson, lib),
      };
    }),
  });
}
