import { describe, expect, it } from 'vitest';
import { pageKey } from './page-keys.ts';

describe('page keys', () => {
  it('are the same for the same parts and differ when a record differs', () => {
    expect(pageKey({ id: 'a', n: 1 }, 'x', 3)).toBe(pageKey({ id: 'a', n: 1 }, 'x', 3));
    expect(pageKey({ id: 'a', n: 1 })).not.toBe(pageKey({ id: 'a', n: 2 }));
    expect(pageKey([{ id: 'a' }, { id: 'b' }])).not.toBe(pageKey([{ id: 'b' }, { id: 'a' }]));
    expect(pageKey(undefined)).not.toBe(pageKey(null));
  });

  it('see what maps and sets inside a record hold', () => {
    const figures = (m: Map<string, number>, s: Set<string>) => ({ counts: m, names: s });
    const a = pageKey(figures(new Map([['police', 1]]), new Set(['a'])));
    expect(pageKey(figures(new Map([['police', 2]]), new Set(['a'])))).not.toBe(a);
    expect(pageKey(figures(new Map([['police', 1]]), new Set(['b'])))).not.toBe(a);
    expect(pageKey(figures(new Map([['police', 1]]), new Set(['a'])))).toBe(a);
  });
});
