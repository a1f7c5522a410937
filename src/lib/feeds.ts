/**
 * RSS 2.0, Atom and JSON Feed of lessons, built with the `feed` package (it escapes text and
 * wraps HTML in CDATA). Items are newest first by published date; each carries the full
 * summary and its categories (type, principles, models, risks, sectors) in words.
 */
import { Feed } from 'feed';
import { lessonKinds, models, principles, risks, sectors } from '../../schemas/vocabularies.ts';
import { byDateDesc, toDate } from './dates.ts';
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

export const SERVICE_NAME = 'JOL Library';

/** Feed items must never break XML: drop characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
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
 * holds tens of thousands of lessons; the whole collection is in the open data exports.
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

export function buildFeed(spec: FeedSpec, lib: Library, urls: Urls): Feed {
  const sorted = feedLessons(spec);
  const newest = sorted[0]?.published ?? lib.today;
  const feed = new Feed({
    title: xmlSafe(`${spec.title} – ${SERVICE_NAME}`),
    description: xmlSafe(spec.description),
    id: urls.absolute(spec.page),
    link: urls.absolute(spec.page),
    language: 'en-GB',
    updated: toDate(newest),
    generator: SERVICE_NAME,
    copyright:
      'Contains public sector information licensed under the Open Government Licence v3.0.',
    feedLinks: {
      rss: urls.absolute(spec.self.rss),
      ...(spec.self.atom ? { atom: urls.absolute(spec.self.atom) } : {}),
      ...(spec.self.json ? { json: urls.absolute(spec.self.json) } : {}),
    },
  });
  for (const lesson of sorted) {
    const link = urls.absolute(urls.lesson(lesson.id));
    feed.addItem({
      title: xmlSafe(lesson.data.title),
      id: link,
      link,
      date: toDate(lesson.published),
      published: toDate(lesson.published),
      description: xmlSafe(lesson.data.summary),
      category: categoriesOf(lesson, lib).map((name) => ({ name: xmlSafe(name) })),
    });
  }
  return feed;
}
