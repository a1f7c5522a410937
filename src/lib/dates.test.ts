import { describe, expect, it } from 'vitest';
import { byDateDesc, formatDate, quarterName, quarterOf, toDate, yearOf } from './dates.ts';

describe('dates', () => {
  it('formats dates in words', () => {
    expect(formatDate('2025-03-04')).toBe('4 March 2025');
    expect(formatDate('2024-12-31')).toBe('31 December 2024');
    expect(() => formatDate('2025-3-4')).toThrow(/YYYY-MM-DD/);
  });

  it('finds years and quarters', () => {
    expect(yearOf('2023-10-18')).toBe('2023');
    expect(quarterOf('2025-01-01')).toBe('2025-q1');
    expect(quarterOf('2025-06-30')).toBe('2025-q2');
    expect(quarterOf('2025-12-31')).toBe('2025-q4');
    expect(quarterName('2025-q3')).toBe('July to September 2025');
  });

  it('keeps the day whatever the time zone', () => {
    expect(toDate('2025-03-04').toISOString()).toBe('2025-03-04T12:00:00.000Z');
  });

  it('sorts newest first, ties by id', () => {
    const items = [
      { id: 'b', d: '2024-01-01' },
      { id: 'a', d: '2024-01-01' },
      { id: 'c', d: '2025-01-01' },
    ];
    expect(
      items
        .sort(
          byDateDesc(
            (i) => i.d,
            (i) => i.id,
          ),
        )
        .map((i) => i.id),
    ).toEqual(['c', 'a', 'b']);
  });
});
