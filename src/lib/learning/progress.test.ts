import { describe, expect, it } from 'vitest';
import { note, world } from '../../../tests/helpers/library.ts';
import { Library } from '../library.ts';
import type { ReturnVersion } from '../published.ts';
import { nationalProgress, noteProgress, quartersSince } from './progress.ts';

const v = (recorded: string, states: Record<string, string> | null): ReturnVersion => ({
  recorded,
  commit: 'c',
  updated: states ? recorded : null,
  entries: states
    ? Object.entries(states).map(([recommendation, state]) => ({ recommendation, state }))
    : null,
});

describe('progress over time', () => {
  // Audience: all three organisations of the world, two recommendations: 6 cells.
  const n = note('2024-001', {
    issued: '2024-02-01',
    report_back_by: '2024-05-31',
    recommendations: [
      { id: 'R1', text: 'Do the first thing.' },
      { id: 'R2', text: 'Do the second thing.' },
    ],
  });
  const lib = new Library({
    ...world,
    lessons: [],
    notes: [n],
    returns: [],
    today: '2024-11-20',
    history: {
      available: true,
      returns: new Map([
        [
          '2024-001/police-a',
          [
            v('2024-03-01', { R1: 'in-progress' }),
            v('2024-05-01', { R1: 'implemented', R2: 'not-applicable' }),
          ],
        ],
        ['2024-001/fire-b', [v('2024-08-01', { R1: 'implemented' }), v('2024-10-01', null)]],
      ]),
      lessons: new Map(),
      notes: new Map([
        [
          '2024-001',
          [
            { recorded: '2024-02-01', commit: 'c', status: 'open' },
            { recorded: '2024-11-01', commit: 'd', status: 'closed' },
          ],
        ],
      ]),
    },
  });

  it('counts each quarter since issue on its last day, the open quarter on the build date', () => {
    expect(quartersSince('2024-02-01', '2024-11-20').map((q) => `${q.quarter} ${q.day}`)).toEqual([
      '2024-q1 2024-03-31',
      '2024-q2 2024-06-30',
      '2024-q3 2024-09-30',
      '2024-q4 2024-11-20',
    ]);
    expect(
      noteProgress(lib, n).map((p) => [p.quarter, p.cells, p.done, p.percent, p.overdue]),
    ).toEqual([
      ['2024-q1', 6, 0, 0, 0],
      // Report-back date passed: the 4 cells not done are overdue.
      ['2024-q2', 6, 2, 33.3, 4],
      ['2024-q3', 6, 3, 50, 3],
      // fire-b's return was removed; the note was closed, so nothing is overdue.
      ['2024-q4', 6, 2, 33.3, 0],
    ]);
  });

  it('sums the notes open on each day for the national line', () => {
    expect(nationalProgress(lib).map((p) => [p.quarter, p.cells, p.done])).toEqual([
      ['2024-q1', 6, 0],
      ['2024-q2', 6, 2],
      ['2024-q3', 6, 3],
      ['2024-q4', 0, 0],
    ]);
  });
});
