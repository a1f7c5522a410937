import { describe, expect, it } from 'vitest';
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
  it('is the current UTC date otherwise', () =>
    expect(today({})).toBe(new Date().toISOString().slice(0, 10)));
  it('refuses a JOL_TODAY that is not a calendar date', () => {
    expect(() => today({ JOL_TODAY: '2025-02-30' })).toThrow(/JOL_TODAY must be a date/);
    expect(() => today({ JOL_TODAY: 'tomorrow' })).toThrow(/found "tomorrow"/);
  });
});
