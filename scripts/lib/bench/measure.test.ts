import { describe, expect, it } from 'vitest';
import { historySeconds, indexSeconds } from './measure.ts';

describe('indexSeconds', () => {
  it('reads when the full index, or only the delta, was written, from the lines the search-index integration logs', () => {
    expect(
      indexSeconds(
        '12:00:01 [jol-pagefind] Search index of 11050 records written in 34215 ms\n12:00:20 [jol-pagefind] Search index: 11050 pages in 50896 ms (built alongside the pages)',
      ),
    ).toBe(34.215);
    expect(
      indexSeconds(
        '12:00:01 [jol-pagefind] Search index: a delta of 1 record written in 1611 ms\n12:00:12 [jol-pagefind] Search index: 11050 pages in 12329 ms (the last full index and a delta of 1 changed record (1 of its pages hidden))',
      ),
    ).toBe(1.611);
    expect(
      indexSeconds('[jol-pagefind] Search index: a delta of 15 records written in 220 ms'),
    ).toBe(0.22);
  });

  it('reads when a reused index was in the output, and says NaN when the log has neither', () => {
    expect(
      indexSeconds(
        '[jol-pagefind] Search index: 11050 pages in 10262 ms (unchanged records: the last index, reused)',
      ),
    ).toBe(10.262);
    expect(indexSeconds('no index here')).toBeNaN();
  });
});

describe('historySeconds', () => {
  it("reads how long the build's Git history read took, and whether it came from the cache", () => {
    expect(
      historySeconds(
        '12:00:01 [jol-content] responders edition from /tmp/c: 10000 lessons\n12:00:03 [jol-content] Git history of the content read in 1520 ms (one git log and one git cat-file; 3000 returns, 10000 lessons, 120 action notes)\n12:00:20 [jol-pagefind] Search index: 11050 pages in 50896 ms',
      ),
    ).toEqual({ seconds: 1.52, cached: false });
    expect(
      historySeconds(
        "[jol-content] Git history of the content read in 48 ms (HEAD's from the cache; 3000 returns, 10000 lessons, 120 action notes)",
      ),
    ).toEqual({ seconds: 0.048, cached: true });
  });

  it('says NaN when the build read no history (outside Git, a shallow clone)', () => {
    expect(
      historySeconds(
        '[jol-content] Published dates: /tmp/c is not inside a Git repository; lessons without a published date use their submitted date.',
      ).seconds,
    ).toBeNaN();
  });
});
