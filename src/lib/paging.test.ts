import { describe, expect, it } from 'vitest';
import { pageCount, pageParams, pageSlice } from './paging.ts';

describe('paging', () => {
  it('always has a first page, even for an empty list', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageParams(0, 20)).toEqual([{ page: undefined, number: 1 }]);
  });

  it('splits lists into pages', () => {
    expect(pageCount(41, 20)).toBe(3);
    expect(pageParams(41, 20).map((p) => p.page)).toEqual([undefined, '2', '3']);
    expect(pageSlice([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageSlice([1, 2, 3, 4, 5], 3, 2)).toEqual([5]);
  });
});
