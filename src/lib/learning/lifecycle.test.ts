import { describe, expect, it } from 'vitest';
import { funnel, lifecycleOf, medianAndP90, stageDates } from './lifecycle.ts';
import { lesson } from '../../../tests/helpers/library.ts';

describe('funnel', () => {
  it('counts the lessons that reached each stage, and the closed ones', () => {
    const lessons = [
      lesson('2024-01-01-a'),
      lesson('2024-01-02-b', { status: 'actioned' }),
      lesson('2024-01-03-c', { status: 'learned' }),
      lesson('2024-01-04-d', { status: 'learned', kind: 'notable-practice' }),
      lesson('2024-01-05-e', { status: 'no-further-action' }),
      lesson('2024-01-06-f', { status: 'superseded', superseded_by: '2024-01-03-c' }),
    ];
    expect(funnel(lessons)).toEqual({
      total: 6,
      reached: { identified: 6, actioned: 3, learned: 2 },
      byStatus: { identified: 1, actioned: 1, learned: 2, 'no-further-action': 1, superseded: 1 },
    });
  });

  it('places one lesson in the lifecycle', () => {
    expect(lifecycleOf(lesson('2024-01-02-b', { status: 'actioned' }))).toEqual({
      stage: 'actioned',
      passed: ['identified'],
    });
    expect(lifecycleOf(lesson('2024-01-05-e', { status: 'no-further-action' }))).toEqual({
      stage: 'no-further-action',
      passed: ['identified'],
      closed: 'no-further-action',
    });
  });
});

describe('stageDates', () => {
  const v = (recorded: string, status: string | null) => ({ recorded, commit: 'c', status });
  it('dates each stage from the run of versions at or past it that lasts to now', () => {
    const l = lesson('2024-01-01-a', { status: 'learned' });
    expect(
      stageDates(l, [
        v('2024-01-05', 'identified'),
        v('2024-02-01', 'actioned'),
        v('2024-03-01', 'identified'),
        v('2024-04-01', 'actioned'),
        v('2024-06-01', 'learned'),
      ]),
    ).toEqual({ available: true, actioned: '2024-04-01', learned: '2024-06-01' });
  });
  it('gives no date without history, or when the current status is not committed yet', () => {
    const l = lesson('2024-01-01-a', { status: 'learned' });
    expect(stageDates(l, undefined)).toEqual({ available: false });
    expect(stageDates(l, [v('2024-01-05', 'actioned')])).toEqual({ available: true });
  });
});

describe('medianAndP90', () => {
  it('takes the mean of the middle two and the nearest rank', () => {
    expect(medianAndP90([10, 1, 4, 7])).toEqual({ median: 5.5, p90: 10 });
    expect(medianAndP90(Array.from({ length: 20 }, (_, i) => i + 1))).toEqual({
      median: 10.5,
      p90: 18,
    });
    expect(medianAndP90([3])).toEqual({ median: 3, p90: 3 });
  });
});
