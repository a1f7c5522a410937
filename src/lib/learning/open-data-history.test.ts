import { describe, expect, it } from 'vitest';
import type { ReturnVersion } from '../published.ts';
import { historyRows } from './open-data-history.ts';

const v = (
  recorded: string,
  states: Record<string, string> | null,
  commit = `${recorded}abcdef`,
): ReturnVersion => ({
  recorded,
  commit,
  updated: states ? `${recorded.slice(0, 8)}01` : null,
  entries: states
    ? Object.entries(states).map(([recommendation, state]) => ({ recommendation, state }))
    : null,
});

describe('historyRows', () => {
  it('makes one row per state held, merging versions in the same state and ending at removal', () => {
    const rows = historyRows('2024-001', 'org-a', [
      v('2024-02-10', { R1: 'in-progress' }),
      v('2024-03-10', { R1: 'in-progress', R2: 'not-started' }),
      v('2024-04-10', { R1: 'implemented' }),
      v('2024-05-10', null),
    ]);
    expect(
      rows.map((r) => [r.recommendation, r.state, r.from, r.to, r.reported, r.commit]),
    ).toEqual([
      ['R1', 'in-progress', '2024-02-10', '2024-04-10', '2024-02-01', '2024-02'],
      ['R2', 'not-started', '2024-03-10', '2024-04-10', '2024-03-01', '2024-03'],
      ['R1', 'implemented', '2024-04-10', '2024-05-10', '2024-04-01', '2024-04'],
    ]);
  });

  it('leaves `to` empty while the state is current', () => {
    const rows = historyRows('2024-001', 'org-a', [v('2024-02-10', { R1: 'in-progress' })]);
    expect(rows[0]!.to).toBe('');
  });
});
