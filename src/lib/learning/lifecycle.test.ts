import { describe, expect, it } from 'vitest';
import { funnel, lifecycleOf } from './lifecycle.ts';
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
