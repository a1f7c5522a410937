import { describe, expect, it } from 'vitest';
import { Random } from '../../scripts/lib/corpus/random.ts';
import { arrange, datesFile, deltaOf, hasPages, NO_DELTA, pageDates } from './search-merge.ts';
import { byDate } from './search-query.ts';

interface Result {
  id: string;
  date: string;
}
const r = (id: string, date: string): Result => ({ id, date });
const ids = (results: Result[]) => results.map((x) => x.id);
const dateOf = (x: Result) => x.date;

describe('the delta manifest', () => {
  it('gives the pages to leave out, the pages added and their dates, or no delta without a manifest', () => {
    const delta = deltaOf({
      superseded: ['full-a'],
      added: ['delta-a', 'delta-b'],
      dates: { 'delta-a': '2024-01-02', 'delta-b': '2025-03-04' },
    });
    expect([...delta.hidden]).toEqual(['full-a']);
    expect([...delta.added]).toEqual(['delta-a', 'delta-b']);
    expect(delta.dates).toEqual({ 'delta-a': '2024-01-02', 'delta-b': '2025-03-04' });
    expect(deltaOf({ superseded: [], added: ['x'] }).dates).toEqual({});
    expect(deltaOf(undefined)).toBe(NO_DELTA);
    expect(hasPages({ superseded: ['x'], added: [] })).toBe(false);
    expect(hasPages(undefined)).toBe(false);
    expect(hasPages({ superseded: [], added: ['y'] })).toBe(true);
  });
});

describe('the dates file', () => {
  it('groups page ids by date, oldest first, each date once, and reads back every page with a delta added', () => {
    const file = datesFile([
      ['en_b', '2024-05-01'],
      ['en_a', '2021-03-03'],
      ['en_c', '2024-05-01'],
    ]);
    expect(file).toEqual([
      ['2021-03-03', 'en_a'],
      ['2024-05-01', 'en_b en_c'],
    ]);
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
    const dates = pageDates(file, { en_d: '2026-01-01' });
    expect(Object.fromEntries(dates)).toEqual({
      en_a: '2021-03-03',
      en_b: '2024-05-01',
      en_c: '2024-05-01',
      en_d: '2026-01-01',
    });
    expect(pageDates([]).size).toBe(0);
  });
});

describe('arranging results', () => {
  const full = [r('f1', '2024-05-01'), r('f2', '2023-01-01'), r('f3', '2021-03-03')];

  it("by relevance without a delta, are Pagefind's results as they are, in a new array, no date asked", () => {
    const asked: string[] = [];
    const out = arrange(full, '', NO_DELTA, (x) => (asked.push(x.id), x.date));
    expect(out).toEqual(full);
    expect(out).not.toBe(full);
    expect(asked).toEqual([]);
  });

  it("leave out the full index's superseded pages, in any order", () => {
    const delta = deltaOf({ superseded: ['f2'], added: ['d1'] });
    const found = [r('d1', '2022-02-02'), ...full];
    expect(ids(arrange(found, '', delta, dateOf))).toEqual(['d1', 'f1', 'f3']);
  });

  it("by relevance, keep Pagefind's order for the delta's results", () => {
    const delta = deltaOf({ superseded: [], added: ['d1'] });
    const found = [r('f1', '2024-05-01'), r('d1', '2025-01-01'), r('f3', '2021-03-03')];
    expect(ids(arrange(found, '', delta, dateOf))).toEqual(['f1', 'd1', 'f3']);
  });

  it("by date, order every result by its date, keeping Pagefind's order on equal dates, and leave the input unchanged", () => {
    const delta = deltaOf({ superseded: ['f2'], added: ['d1', 'd2', 'd3'] });
    // Pagefind gives results by score, the delta's merged wherever their scores put them.
    const found = [
      r('d2', '2021-03-03'),
      ...full,
      r('d1', '2025-12-01'),
      r('d3', '2022-06-30'),
      r('x', ''),
    ];
    const before = JSON.stringify(found);
    expect(ids(arrange(found, 'newest', delta, dateOf))).toEqual([
      'd1',
      'f1',
      'd3',
      'd2',
      'f3',
      'x',
    ]);
    expect(ids(arrange(found, 'oldest', delta, dateOf))).toEqual([
      'x',
      'd2',
      'f3',
      'd3',
      'f1',
      'd1',
    ]);
    expect(JSON.stringify(found)).toBe(before);
  });

  it('agree with a stable sort by date of the kept results, for random results and deltas (seeded)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rng = new Random(seed);
      const sort = rng.next() < 0.5 ? 'newest' : 'oldest';
      const date = () => `202${rng.int(0, 5)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
      const fullResults = Array.from({ length: rng.int(0, 30) }, (_, i) => r(`f${i}`, date()));
      const deltaResults = Array.from({ length: rng.int(0, 8) }, (_, i) => r(`d${i}`, date()));
      const superseded = fullResults.filter(() => rng.next() < 0.2).map((x) => x.id);
      const found = [...fullResults];
      for (const d of deltaResults) found.splice(rng.int(0, found.length), 0, d);
      const delta = deltaOf({ superseded, added: deltaResults.map((x) => x.id) });
      const arranged = arrange(found, sort, delta, dateOf);
      expect(new Set(ids(arranged)), `seed ${seed}`).toEqual(
        new Set(ids(found).filter((id) => !superseded.includes(id))),
      );
      for (let i = 1; i < arranged.length; i++) {
        const [a, b] = [arranged[i - 1]!, arranged[i]!];
        expect(byDate(sort)(a.date, b.date), `seed ${seed}`).toBeLessThanOrEqual(0);
        // Equal dates: in Pagefind's order.
        if (a.date === b.date)
          expect(found.indexOf(a), `seed ${seed}`).toBeLessThan(found.indexOf(b));
      }
    }
  });
});
