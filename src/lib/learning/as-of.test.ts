import { describe, expect, it } from 'vitest';
import { lesson, note, ret, world } from '../../../tests/helpers/library.ts';
import { Library, type LibraryHistory } from '../library.ts';
import type { ReturnVersion } from '../published.ts';
import { libraryAsOf, statusOn } from './as-of.ts';

const v = (recorded: string, state: string | null, updated = recorded): ReturnVersion => ({
  recorded,
  commit: `c${recorded}`,
  updated: state ? updated : null,
  entries: state ? [{ recommendation: 'R1', state }] : null,
});

function lib(history: Partial<LibraryHistory>, today = '2025-06-30'): Library {
  return new Library({
    ...world,
    today,
    lessons: [
      lesson('2024-01-05-a', { published: '2024-01-10', status: 'learned' }),
      lesson('2024-05-05-b', { published: '2024-05-10' }),
    ],
    notes: [note('2024-001', { status: 'closed' })],
    returns: [
      ret('2024-001', 'police-a', '2025-01-01', [
        { recommendation: 'R1', state: 'implemented', evidence: 'Done.' },
      ]),
      ret('2024-001', 'fire-b', '2024-02-15', [{ recommendation: 'R1', state: 'in-progress' }]),
    ],
    history: {
      available: true,
      returns: new Map(),
      lessons: new Map(),
      notes: new Map(),
      ...history,
    },
  });
}

describe('libraryAsOf', () => {
  it('keeps only what was published or issued by the day, each with its status then', () => {
    const then = libraryAsOf(
      lib({
        lessons: new Map([
          [
            '2024-01-05-a',
            [
              { recorded: '2024-01-10', commit: 'a', status: 'identified' },
              { recorded: '2024-08-01', commit: 'b', status: 'learned' },
            ],
          ],
        ]),
        notes: new Map([
          [
            '2024-001',
            [
              { recorded: '2024-02-01', commit: 'a', status: 'open' },
              { recorded: '2025-01-01', commit: 'b', status: 'closed' },
            ],
          ],
        ]),
      }),
      '2024-03-31',
    );
    expect(then.today).toBe('2024-03-31');
    expect(then.lessons.map((l) => [l.id, l.data.status])).toEqual([
      ['2024-01-05-a', 'identified'],
    ]);
    expect(then.notes.map((n) => n.data.status)).toEqual(['open']);
  });

  it('takes each return as recorded by the day, and a file without history from its updated date', () => {
    const then = libraryAsOf(
      lib({
        returns: new Map([
          [
            '2024-001/police-a',
            [v('2024-02-20', 'in-progress'), v('2024-04-02', 'implemented'), v('2024-09-01', null)],
          ],
        ]),
      }),
      '2024-03-31',
    );
    expect(then.returns.map((r) => [r.id, r.data.returns[0]!.state, r.recorded])).toEqual([
      // fire-b has no history: its current file, updated 2024-02-15, stands.
      ['2024-001/fire-b', 'in-progress', undefined],
      ['2024-001/police-a', 'in-progress', '2024-02-20'],
    ]);
    // Removed by then: no return.
    expect(
      libraryAsOf(
        lib({
          returns: new Map([
            ['2024-001/police-a', [v('2024-02-20', 'in-progress'), v('2024-03-01', null)]],
          ]),
        }),
        '2024-03-31',
      ).returns.map((r) => r.id),
    ).toEqual(['2024-001/fire-b']);
  });

  it('gives a record older than its history the status it arrived with', () => {
    expect(
      statusOn(
        [{ recorded: '2025-01-01', commit: 'a', status: 'actioned' }],
        '2024-03-31',
        'learned',
      ),
    ).toBe('actioned');
    expect(statusOn(undefined, '2024-03-31', 'learned')).toBe('learned');
  });
});
