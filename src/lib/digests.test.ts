import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { buildDigestFeed, digestQuarters, digestSummary, quarterComplete } from './digests.ts';
import {
  worldLesson as lesson,
  library,
  worldNote as note,
  world,
} from '../../tests/helpers/library.ts';
import { SITE, urls } from '../../tests/helpers/feed-site.ts';

describe('digests', () => {
  // A title the schema refuses (it holds a tag), set after it: the feed must escape it even so.
  const tagged = lesson('2024-01-01-a', { published: '2024-03-31' });
  tagged.data.title = 'A lesson with <b> & "quotes"';
  const lib = library({
    ...world,
    lessons: [
      tagged,
      lesson('2024-01-02-b', { published: '2024-04-01', kind: 'notable-practice' }),
      lesson('2024-01-03-c', { published: '2024-07-01' }),
    ],
    notes: [note('2023-001', { issued: '2023-11-15', report_back_by: '2024-03-01' })],
    today: '2024-07-01',
  });

  it('has a quarter when a lesson was published or a note issued in it, newest first', () => {
    expect(digestQuarters(lib)).toEqual(['2024-q3', '2024-q2', '2024-q1', '2023-q4']);
  });

  it('knows when a quarter is over', () => {
    expect(quarterComplete('2024-q2', '2024-06-30')).toBe(false);
    expect(quarterComplete('2024-q2', '2024-07-01')).toBe(true);
  });

  it('sums up a digest in words', () => {
    expect(digestSummary(lib, '2024-q1')).toBe(
      '1 lesson identified, 0 notable practices, 0 action notes issued and 0 recurring issues flagged.',
    );
    expect(digestSummary(lib, '2023-q4')).toBe(
      '0 lessons identified, 0 notable practices, 1 action note issued and 0 recurring issues flagged.',
    );
  });

  it('feeds one item per completed quarter, newest first, in RSS and Atom', async () => {
    const feed = buildDigestFeed(lib, urls, SITE);
    for (const xml of [feed.rss2(), feed.atom1()]) {
      const parsed = await new Parser().parseString(xml);
      expect(parsed.items.map((i) => i.link)).toEqual([
        'https://example.org/jol/digests/2024-q2/',
        'https://example.org/jol/digests/2024-q1/',
        'https://example.org/jol/digests/2023-q4/',
      ]);
      expect(parsed.items[0]!.title).toBe('Quarterly digest: April to June 2024');
      expect(new Date(parsed.items[0]!.isoDate!).toISOString().slice(0, 10)).toBe('2024-06-30');
    }
    const rss = await new Parser().parseString(feed.rss2());
    expect((rss.items[1] as Record<string, unknown>)['content:encoded']).toContain(
      'A lesson with &lt;b&gt; &amp; &quot;quotes&quot;',
    );
  });
});
