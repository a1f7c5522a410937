/**
 * Feeds against hostile titles and summaries: text the validator accepts but that holds CDATA
 * terminators, CDATA and comment openers, entity-encoded tags, quotes, ampersands, Unicode,
 * right-to-left text and very long lines. The site is built with one lesson per hostile title,
 * and every feed (RSS, Atom, JSON Feed, topic feeds, digest feeds) is read as a reader would:
 * a real XML parser, rss-parser, and the HTML-typed fields parsed as HTML. Each must be
 * well-formed, no element or event handler may come from the text, and the text must read back
 * exactly as written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, FIXTURES, buildSite } from './build-site.ts';
import { elements, text } from './html.ts';

const LONG_TITLE = `Very long ${']]>&lt;i&gt;'.repeat(20)}`.slice(0, 120);
const TITLES = [
  'Two ends ]]> in one ]]> title, and a third ]]>',
  ']]> first ]]>&lt;img src=x onerror=alert(document.domain)&gt;<![CDATA[ tail',
  'Opens a section <![CDATA[ and never closes it &amp; &lt;b&gt;',
  'Entity-encoded &lt;script&gt;alert(1)&lt;/script&gt; and &#60;img&#62;',
  `Quotes "double" and 'single', & and &amp; and && and &quot;`,
  'Unicode: Größe – café 🚒🚑 消防 é and ＜full-width＞ brackets',
  // Right-to-left text, but no bidirectional controls: the validator refuses those (they can
  // disguise text), so no valid record holds one.
  'RTL: فرق الإطفاء والإسعاف and עברית mixed with English (ltr) words',
  'A </script and <script opened but never closed',
  'Comment ]]> then <!-- an opener that never closes',
  LONG_TITLE,
];
const SUMMARIES = [
  ']]> first ]]>&lt;img src=x onerror=alert(document.domain)&gt;<![CDATA[ and the summary goes on as plain text.',
  `Two terminators ]]> here and ]]> there; &lt;script&gt;alert(1)&lt;/script&gt; and &amp;amp; stay text.\nA second line with "quotes" and 'apostrophes'.`,
  `Long: ${']]> &lt;svg onload=alert(1)&gt; "q" & '.repeat(11)}and a last <![CDATA[ at the end.`,
  'Right to left: فرق الإطفاء تعلمت درساً مشتركاً, עברית גם כן, and emoji 🚒 with a combining é.',
  'Quotes "a" and \'b\' & an ampersand, &amp; an entity, &#x3C;hex&#x3E; and <!-- a comment opener.',
];

const corpus = TITLES.map((title, i) => ({
  id: `2024-01-05-hostile-feed-${String(i + 1).padStart(2, '0')}`,
  title,
  summary: SUMMARIES[i % SUMMARIES.length]!,
  // Spread over five quarters, so that several digests hold these titles.
  published: ['2024-02-01', '2024-05-01', '2024-08-01', '2024-11-01', '2025-02-01'][i % 5]!,
}));
const byLink = new Map(
  corpus.map((l) => [`https://jol.example.org/jol-library/lessons/${l.id}/`, l]),
);

let site: BuiltSite;
let contentDir: string;

beforeAll(() => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-hostile-feeds-'));
  fs.cpSync(path.join(FIXTURES, 'hostile'), contentDir, { recursive: true });
  for (const l of corpus) {
    // JSON strings are YAML double-quoted scalars: the text goes in exactly as written.
    const frontmatter = [
      'kind: lesson-identified',
      `title: ${JSON.stringify(l.title)}`,
      `summary: ${JSON.stringify(l.summary)}`,
      'date: 2024-01-05',
      'source: incident',
      'event: 2024-01-05-hostile-event',
      'submitted_by: quote-and-ampersand-service',
      'submitted: 2024-01-10',
      `published: ${l.published}`,
      'criteria: [interoperability]',
      'principles: [communicate]',
      'risks: [wildfire]',
      'classification: official',
      'public: true',
    ];
    const body = ['What happened', 'Why it matters', 'Recommendation']
      .map((h) => `## ${h}\n\nPlain words for this section of a hostile feed lesson.\n`)
      .join('\n');
    fs.writeFileSync(
      path.join(contentDir, 'lessons', `${l.id}.md`),
      `---\n${frontmatter.join('\n')}\n---\n\n${body}`,
    );
  }
  // The validator runs first: the build stops if the corpus is not valid content.
  site = buildSite({ contentDir, today: '2025-06-30', basePath: '/jol-library/' });
  if (!site.ok) throw new Error(`build failed:\n${site.log}`);
});
afterAll(() => {
  site?.cleanup();
  if (contentDir) fs.rmSync(contentDir, { recursive: true, force: true });
});

const feeds = () => site.files().filter((f) => f.startsWith('feeds/'));
const xmlFeeds = () => feeds().filter((f) => !f.endsWith('.json'));

/** XML as data: every entity decoded once, text kept exactly (no trimming, no number parsing). */
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
});
type Node = string | { '#text'?: string; '@type'?: string; [k: string]: unknown };
const textOf = (n: Node | Node[] | undefined): string => {
  const one = Array.isArray(n) ? n[0] : n;
  return typeof one === 'string' ? one : (one?.['#text'] ?? '');
};

/**
 * A field a reader renders as HTML: parsed as HTML, it may hold only the elements and
 * attributes the site writes (none for escaped text), and reads back as `expected`.
 */
function expectHtmlText(html: string, expected: string, where: string, allowed: string[] = []) {
  const tree = fromHtml(html, { fragment: true });
  for (const e of elements(tree)) {
    expect(allowed, `${where}: <${e.tagName}> from the text`).toContain(e.tagName);
    for (const name of Object.keys(e.properties))
      expect(name.toLowerCase().startsWith('on'), `${where}: ${name} on <${e.tagName}>`).toBe(
        false,
      );
  }
  expect(text(tree), where).toBe(expected);
}

/**
 * Digest content: the site's own list of lessons, each link's text its lesson's title. Returns
 * how many hostile lessons it lists.
 */
function expectDigestHtml(html: string, where: string) {
  const tree = fromHtml(html, { fragment: true });
  for (const e of elements(tree)) {
    expect(['p', 'ul', 'li', 'a'], `${where}: <${e.tagName}>`).toContain(e.tagName);
    expect(Object.keys(e.properties), `${where}: <${e.tagName}>`).toEqual(
      e.tagName === 'a' ? ['href'] : [],
    );
  }
  let checked = 0;
  for (const a of elements(tree, (e: Element) => e.tagName === 'a')) {
    const lesson = byLink.get(String(a.properties.href));
    if (!lesson) continue;
    expect(text(a), `${where}: ${lesson.id}`).toBe(lesson.title);
    checked++;
  }
  return checked;
}

describe('feeds with hostile titles and summaries', () => {
  it('keeps every feed well-formed', () => {
    expect(xmlFeeds()).toEqual(
      expect.arrayContaining([
        'feeds/lessons.xml',
        'feeds/lessons.atom',
        'feeds/digests.xml',
        'feeds/digests.atom',
        'feeds/principles/communicate.xml',
        'feeds/nrr-themes/natural-and-environmental-hazards.xml',
        'feeds/organisations/quote-and-ampersand-service.xml',
        'feeds/sectors/other.xml',
      ]),
    );
    for (const f of xmlFeeds()) expect(XMLValidator.validate(site.read(f)), f).toBe(true);
    expect(() => JSON.parse(site.read('feeds/lessons.json')) as unknown).not.toThrow();
  });

  it('gives RSS readers the text as written, and no markup from it', async () => {
    let lessons = 0;
    let digestLinks = 0;
    for (const f of xmlFeeds().filter((x) => x.endsWith('.xml'))) {
      const xml = site.read(f);
      const channel = (xmlParser.parse(xml) as { rss: { channel: { item?: Node[] } } }).rss.channel;
      const read = await new Parser().parseString(xml);
      for (const [i, item] of (channel.item ?? []).entries()) {
        const fields = item as Record<string, Node>;
        const where = `${f} ${textOf(fields.link)}`;
        const lesson = byLink.get(textOf(fields.link));
        if (lesson) {
          // RSS: the title is plain text; the description is HTML.
          expect(textOf(fields.title), where).toBe(lesson.title);
          expect(read.items[i]!.title, where).toBe(lesson.title);
          expectHtmlText(textOf(fields.description), lesson.summary, `${where} description`);
          expectHtmlText(read.items[i]!.content ?? '', lesson.summary, `${where} (rss-parser)`);
          lessons++;
        } else if (f === 'feeds/digests.xml') {
          // The digest's own sentence, escaped, then its list of lessons.
          const description = fromHtml(textOf(fields.description), { fragment: true });
          expect(elements(description), where).toEqual([]);
          expect(text(description), where).toMatch(/^\d+ lessons? identified, /);
          digestLinks += expectDigestHtml(textOf(fields['content:encoded']), where);
        }
      }
    }
    // Lessons feed, principle, NRR theme, sector and organisation feeds: each holds every lesson.
    expect(lessons).toBe(corpus.length * 5);
    // Every hostile lesson is in a completed quarter's digest.
    expect(digestLinks).toBe(corpus.length);
  });

  it('gives Atom readers the text as written, and no markup from it', async () => {
    let lessons = 0;
    let digestLinks = 0;
    for (const f of ['feeds/lessons.atom', 'feeds/digests.atom']) {
      const xml = site.read(f);
      const entries = (xmlParser.parse(xml) as { feed: { entry: Record<string, Node>[] } }).feed
        .entry;
      const read = await new Parser().parseString(xml);
      for (const [i, entry] of entries.entries()) {
        const href = (entry.link as unknown as { '@href': string }[])[0]!['@href'];
        const where = `${f} ${href}`;
        const lesson = byLink.get(href);
        if (lesson) {
          for (const [field, expected] of [
            ['title', lesson.title],
            ['summary', lesson.summary],
          ] as const) {
            const node = entry[field] as Node;
            const type = typeof node === 'string' ? 'text' : (node['@type'] ?? 'text');
            if (type === 'html') expectHtmlText(textOf(node), expected, `${where} ${field}`);
            else expect(textOf(node), `${where} ${field} (${type})`).toBe(expected);
          }
          expect(read.items[i]!.title, where).toBe(lesson.title);
          lessons++;
        } else if (f === 'feeds/digests.atom') {
          const content = entry.content as Node;
          expect(typeof content === 'string' ? 'text' : content['@type'], where).toBe('html');
          digestLinks += expectDigestHtml(textOf(content), where);
        }
      }
    }
    expect(lessons).toBe(corpus.length);
    expect(digestLinks).toBe(corpus.length);
  });

  it('gives JSON Feed readers the text as written, and no markup from it', () => {
    const json = JSON.parse(site.read('feeds/lessons.json')) as {
      items: { url: string; title: string; content_text?: string; content_html?: string }[];
    };
    let checked = 0;
    for (const item of json.items) {
      const lesson = byLink.get(item.url);
      if (!lesson) continue;
      expect(item.title, lesson.id).toBe(lesson.title);
      if (item.content_html !== undefined)
        expectHtmlText(item.content_html, lesson.summary, `lessons.json ${lesson.id}`);
      else expect(item.content_text, lesson.id).toBe(lesson.summary);
      checked++;
    }
    expect(checked).toBe(corpus.length);
  });
});
