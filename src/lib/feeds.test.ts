import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { facetFeedSpecs, mainFeedSpec } from './feed-routes.ts';
import { FEED_ITEMS, buildFeed, categoriesOf } from './feeds.ts';
import { worldLesson as lesson, library, world } from '../../tests/helpers/library.ts';
import { SITE, urls } from '../../tests/helpers/feed-site.ts';

const lib = library({
  ...world,
  today: '2025-01-01',
  lessons: [
    lesson('2024-01-01-a', {
      published: '2024-03-01',
      principles: ['communicate'],
      risks: ['wildfire'],
      title: 'Title with ]]> and <b and & in it',
    }),
    lesson('2024-02-01-b', {
      published: '2024-05-01',
      kind: 'notable-practice',
      criteria: ['improves-interoperability'],
    }),
  ],
});

describe('feeds', () => {
  it('lists every lesson newest first, with full summary, link and categories', async () => {
    const feed = buildFeed(mainFeedSpec(lib, urls), lib, urls, SITE);
    const parsed = await new Parser().parseString(feed.rss2());
    expect(parsed.title).toBe('All lessons – JOL Library');
    expect(parsed.items.map((i) => i.link)).toEqual([
      'https://example.org/jol/lessons/2024-02-01-b/',
      'https://example.org/jol/lessons/2024-01-01-a/',
    ]);
    expect(parsed.items[1]!.title).toBe('Title with ]]> and <b and & in it');
    expect(parsed.items[1]!.contentSnippet ?? parsed.items[1]!.content).toBe(
      lib.lesson('2024-01-01-a')!.data.summary,
    );
    expect(parsed.items[1]!.categories).toEqual([
      'Lesson identified',
      'Communicate',
      'Wildfire',
      'Police',
    ]);
    expect(new Date(parsed.items[0]!.isoDate!).toISOString().slice(0, 10)).toBe('2024-05-01');
    const atom = await new Parser().parseString(feed.atom1());
    expect(atom.items).toHaveLength(2);
    const json = JSON.parse(feed.json1()) as { items: { id: string }[]; feed_url: string };
    expect(json.items).toHaveLength(2);
    expect(json.feed_url).toBe('https://example.org/jol/feeds/lessons.json');
  });

  it(`carries the newest ${FEED_ITEMS} lessons when there are more`, async () => {
    const many = library({
      ...world,
      today: '2025-01-01',
      lessons: Array.from({ length: FEED_ITEMS + 20 }, (_, i) => {
        const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        return lesson(`${day}-many-${i}`, { published: day });
      }),
    });
    const parsed = await new Parser().parseString(
      buildFeed(mainFeedSpec(many, urls), many, urls, SITE).rss2(),
    );
    expect(parsed.items).toHaveLength(FEED_ITEMS);
    expect(parsed.items[0]!.link).toContain(`-many-${FEED_ITEMS + 19}/`);
    expect(parsed.items.at(-1)!.link).toContain('-many-20/');
  });

  it('names categories in words', () => {
    expect(categoriesOf(lib.lesson('2024-02-01-b')!, lib)).toEqual(['Notable practice', 'Police']);
  });

  it('has one feed per principle, NRR theme, sector and organisation, empty ones included', async () => {
    const specs = facetFeedSpecs(lib, urls);
    expect(new Set(specs.map((s) => s.facet))).toEqual(
      new Set(['principles', 'nrr-themes', 'sectors', 'organisations']),
    );
    const communicate = specs.find((s) => s.facet === 'principles' && s.term === 'communicate')!;
    expect(communicate.spec.lessons.map((l) => l.id)).toEqual(['2024-01-01-a']);
    expect(communicate.spec.self.rss).toBe('/jol/feeds/principles/communicate.xml');
    const empty = specs.find((s) => s.facet === 'principles' && s.term === 'co-locate')!;
    const parsed = await new Parser().parseString(buildFeed(empty.spec, lib, urls, SITE).rss2());
    expect(parsed.items).toEqual([]);
  });
});
