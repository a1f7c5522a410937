/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 written from one feed model.
 *
 * Titles and summaries are plain text. Each goes into the format's text field where it has
 * one (RSS `title`, Atom `type="text"`, JSON Feed `title` and `content_text`), and where a
 * format only takes HTML (the RSS item `description`) it is HTML-escaped once. `contentHtml`
 * is HTML the site made (escaped text, sanitised bodies) and goes into the HTML fields as it
 * is. The XML is written by fast-xml-parser's XMLBuilder, which escapes every text and
 * attribute value; there is no CDATA, so no value can end a section early (the `feed` package
 * this replaces escaped only the first `]]>` of a value, so a second one broke the feed or
 * turned entity-encoded text into live HTML).
 */
import { XMLBuilder } from 'fast-xml-parser';
import { escapeHtml } from './page.ts';

export interface FeedItem {
  /** Stable id (the item's absolute URL); readers use it to tell new items from old. */
  id: string;
  link: string;
  /** Plain text. */
  title: string;
  /** Plain text. */
  summary: string;
  /** HTML made by the site (text escaped, bodies sanitised), when the item has more than its summary. */
  contentHtml?: string;
  published: Date;
  /** Plain text. */
  categories: readonly string[];
}

export interface FeedModel {
  /** Plain text. */
  title: string;
  /** Plain text. */
  description: string;
  /** Absolute URL of the page the feed follows. */
  page: string;
  /** Absolute URLs of this feed in each format it is published in. */
  self: { rss: string; atom?: string; json?: string };
  language: string;
  updated: Date;
  /** Plain text: publisher, generator and author name. */
  publisher: string;
  /** Plain text. */
  rights: string;
  items: readonly FeedItem[];
}

export interface FeedDocument {
  rss2(): string;
  atom1(): string;
  json1(): string;
}

/** Characters XML 1.0 forbids, dropped from feed text so that no record can break a feed. */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

type XmlNode = string | { [name: string]: XmlNode | XmlNode[] | string | undefined };

function xml(root: Record<string, XmlNode>): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    ...root,
  });
}

function rss2(feed: FeedModel): string {
  const item = (i: FeedItem): XmlNode => ({
    title: xmlSafe(i.title),
    link: i.link,
    guid: { '@_isPermaLink': 'false', '#text': i.id },
    pubDate: i.published.toUTCString(),
    // RSS 2.0: the description is (entity-encoded) HTML, so the plain summary is escaped once.
    description: xmlSafe(escapeHtml(i.summary)),
    'content:encoded': i.contentHtml === undefined ? undefined : xmlSafe(i.contentHtml),
    category: i.categories.map(xmlSafe),
  });
  return xml({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      channel: {
        title: xmlSafe(feed.title),
        link: feed.page,
        description: xmlSafe(feed.description),
        language: feed.language,
        copyright: xmlSafe(feed.rights),
        lastBuildDate: feed.updated.toUTCString(),
        docs: 'https://www.rssboard.org/rss-specification',
        generator: xmlSafe(feed.publisher),
        'atom:link': { '@_href': feed.self.rss, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: feed.items.map(item),
      },
    },
  });
}

function atom1(feed: FeedModel): string {
  const text = (value: string) => ({ '@_type': 'text', '#text': xmlSafe(value) });
  const entry = (i: FeedItem): XmlNode => ({
    title: text(i.title),
    id: i.id,
    link: { '@_rel': 'alternate', '@_href': i.link },
    updated: i.published.toISOString(),
    published: i.published.toISOString(),
    summary: text(i.summary),
    content:
      i.contentHtml === undefined
        ? undefined
        : { '@_type': 'html', '#text': xmlSafe(i.contentHtml) },
    category: i.categories.map((c) => ({ '@_term': xmlSafe(c) })),
  });
  return xml({
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': feed.language,
      id: feed.page,
      title: text(feed.title),
      subtitle: text(feed.description),
      updated: feed.updated.toISOString(),
      generator: xmlSafe(feed.publisher),
      author: { name: xmlSafe(feed.publisher) },
      link: [
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': feed.page },
        ...(feed.self.atom
          ? [{ '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': feed.self.atom }]
          : []),
      ],
      rights: text(feed.rights),
      entry: feed.items.map(entry),
    },
  });
}

function json1(feed: FeedModel): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.page,
      feed_url: feed.self.json,
      description: feed.description,
      language: feed.language,
      authors: [{ name: feed.publisher }],
      items: feed.items.map((i) => ({
        id: i.id,
        url: i.link,
        title: i.title,
        // JSON Feed has a plain-text field: the summary stays text unless there is HTML content.
        ...(i.contentHtml === undefined
          ? { content_text: i.summary }
          : { content_html: i.contentHtml, summary: i.summary }),
        date_published: i.published.toISOString(),
        date_modified: i.published.toISOString(),
        tags: i.categories.length ? [...i.categories] : undefined,
      })),
    },
    null,
    2,
  );
}

/** The feed in each format; each call writes the document afresh. */
export function feedDocument(feed: FeedModel): FeedDocument {
  return { rss2: () => rss2(feed), atom1: () => atom1(feed), json1: () => json1(feed) };
}
