import { describe, expect, it, vi } from 'vitest';
import { isCalendarDate, today } from './today.ts';

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01'])('accepts %s', (d) =>
    expect(isCalendarDate(d)).toBe(true),
  );
  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-10-32',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '12/03/2025',
    '2025-1-1',
  ])('rejects %s', (d) => expect(isCalendarDate(d)).toBe(false));
});

describe('today', () => {
  it('is JOL_TODAY when set', () => expect(today({ JOL_TODAY: '2024-02-29' })).toBe('2024-02-29'));
  it('is the UTC date of the clock otherwise, changing at midnight UTC', () => {
    const midnight = Date.UTC(2024, 2, 1); // 2024-03-01T00:00:00Z, after a leap day
    expect(today({}, () => midnight - 1)).toBe('2024-02-29');
    expect(today({}, () => midnight)).toBe('2024-03-01');
    expect(today({}, () => midnight - 1)).toBe('2024-02-29');
  });
  it('reads the system clock by default', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2023-12-31T23:59:59.999Z'));
      expect(today({})).toBe('2023-12-31');
      vi.setSystemTime(new Date('2024-01-01T00:00:00.000Z'));
      expect(today({})).toBe('2024-01-01');
    } finally {
      vi.useRealTimers();
    }
  });
  it('refuses a JOL_TODAY that is not a calendar date', () => {
    expect(() => today({ JOL_TODAY: '2025-02-30' })).toThrow(/JOL_TODAY must be a date/);
    expect(() => today({ JOL_TODAY: 'tomorrow' })).toThrow(/found "tomorrow"/);
  });
});
