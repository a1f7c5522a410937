import { describe, expect, it } from 'vitest';
import { Random } from '../../scripts/lib/corpus/random.ts';
import { arrange, deltaOf, hasPages, NO_DELTA } from './search-merge.ts';
import { byDate } from './search-query.ts';

interface Result {
  id: string;
  date: string;
}
const r = (id: string, date: string): Result => ({ id, date });
const ids = (results: Result[]) => results.map((x) => x.id);
const dateOf = (x: Result) => x.date;

describe('the delta manifest', () => {
  it('gives the pages to leave out and the pages added, or no delta without a manifest', () => {
    const delta = deltaOf({ superseded: ['full-a'], added: ['delta-a', 'delta-b'] });
    expect([...delta.hidden]).toEqual(['full-a']);
    expect([...delta.added]).toEqual(['delta-a', 'delta-b']);
    expect(deltaOf(undefined)).toBe(NO_DELTA);
    expect(hasPages({ superseded: ['x'], added: [] })).toBe(false);
    expect(hasPages(undefined)).toBe(false);
    expect(hasPages({ superseded: [], added: ['y'] })).toBe(true);
  });
});

describe('arranging results', () => {
  const full = [r('f1', '2024-05-01'), r('f2', '2023-01-01'), r('f3', '2021-03-03')];

  it("without a delta, are Pagefind's results as they are, in a new array", async () => {
    const asked: string[] = [];
    const out = await arrange(full, 'newest', NO_DELTA, (x) => (asked.push(x.id), x.date));
    expect(out).toEqual(full);
    expect(out).not.toBe(full);
    expect(asked).toEqual([]);
  });

  it("leave out the full index's superseded pages, in any order", async () => {
    const delta = deltaOf({ superseded: ['f2'], added: ['d1'] });
    const found = [r('d1', '2022-02-02'), ...full];
    expect(ids(await arrange(found, '', delta, dateOf))).toEqual(['d1', 'f1', 'f3']);
  });

  it("by relevance, keep Pagefind's order for the delta's results", async () => {
    const delta = deltaOf({ superseded: [], added: ['d1'] });
    const found = [r('f1', '2024-05-01'), r('d1', '2025-01-01'), r('f3', '2021-03-03')];
    expect(ids(await arrange(found, '', delta, dateOf))).toEqual(['f1', 'd1', 'f3']);
  });

  it("by date, put the delta's results in their place, after the full index's on equal dates", async () => {
    const delta = deltaOf({ superseded: ['f2'], added: ['d1', 'd2', 'd3'] });
    // Pagefind merges the indexes by score: the delta's results come wherever.
    const found = [r('d2', '2021-03-03'), ...full, r('d1', '2025-12-01'), r('d3', '2022-06-30')];
    expect(ids(await arrange(found, 'newest', delta, dateOf))).toEqual([
      'd1',
      'f1',
      'd3',
      'f3',
      'd2',
    ]);
    const oldest = [...full].reverse();
    expect(
      ids(await arrange([...oldest, ...found.slice(-2), found[0]!], 'oldest', delta, dateOf)),
    ).toEqual(['f3', 'd2', 'd3', 'f1', 'd1']);
  });

  it('accept dates given asynchronously (from fragments) and leave their input unchanged', async () => {
    const delta = deltaOf({ superseded: [], added: ['d1'] });
    const found = [...full, r('d1', '2022-01-01')];
    const before = JSON.stringify(found);
    const out = await arrange(found, 'newest', delta, async (x) => {
      await new Promise((resolve) => setTimeout(resolve, x.id === 'd1' ? 5 : 0));
      return x.date;
    });
    expect(ids(out)).toEqual(['f1', 'f2', 'd1', 'f3']);
    expect(JSON.stringify(found)).toBe(before);
  });

  it('agree with a stable sort by date of the kept results, for random indexes and deltas (seeded)', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rng = new Random(seed);
      const sort = rng.next() < 0.5 ? 'newest' : 'oldest';
      const date = () => `202${rng.int(0, 5)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
      // The full index's results as Pagefind gives them when sorted: in order.
      const fullResults = Array.from({ length: rng.int(0, 30) }, (_, i) => r(`f${i}`, date()));
      fullResults.sort((a, b) => byDate(sort)(a.date, b.date));
      const deltaResults = Array.from({ length: rng.int(0, 8) }, (_, i) => r(`d${i}`, date()));
      const superseded = fullResults.filter(() => rng.next() < 0.2).map((x) => x.id);
      const found = [...fullResults];
      for (const d of deltaResults) found.splice(rng.int(0, found.length), 0, d);
      const delta = deltaOf({ superseded, added: deltaResults.map((x) => x.id) });

      const kept = fullResults.filter((x) => !superseded.includes(x.id));
      const deltaInOrder = found.filter((x) => x.id.startsWith('d'));
      // Array.prototype.sort is stable: on equal dates the full index's come first, and each
      // side keeps its own order.
      const expected = [...kept, ...deltaInOrder].sort((a, b) => byDate(sort)(a.date, b.date));
      expect(ids(await arrange(found, sort, delta, dateOf)), `seed ${seed}`).toEqual(ids(expected));
    }
  });
});
