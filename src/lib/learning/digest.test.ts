import { describe, expect, it } from 'vitest';
import { digestFigures, quarterBounds } from './digest.ts';
import { lesson, library, note, org, ret } from '../../../tests/helpers/library.ts';

describe('quarterBounds', () => {
  it('gives the first and last day', () => {
    expect(quarterBounds('2024-q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterBounds('2025-q4')).toEqual({ start: '2025-10-01', end: '2025-12-31' });
    expect(() => quarterBounds('2025-q5')).toThrow();
  });
});

describe('digestFigures', () => {
  it('takes the lessons published in the quarter, grouped by principle and NRR theme', () => {
    const lib = library({
      organisations: [org('org-a', 'police')],
      lessons: [
        lesson('2024-01-05-a', {
          published: '2024-02-01',
          principles: ['communicate'],
          risks: ['storms', 'pandemic'],
        }),
        lesson('2024-01-06-b', {
          published: '2024-03-31',
          kind: 'notable-practice',
          principles: ['communicate', 'co-locate'],
        }),
        lesson('2024-01-07-c', { published: '2024-04-01', principles: ['communicate'] }),
        lesson('2023-12-01-d', { submitted: '2024-01-15' }),
      ],
      notes: [
        note('2024-001', { issued: '2024-03-01', lessons: ['2024-01-05-a'] }),
        note('2024-002', { issued: '2024-04-01', lessons: ['2024-01-05-a'] }),
      ],
      returns: [
        ret('2024-001', 'org-a', '2024-03-15', [{ recommendation: 'R1', state: 'in-progress' }]),
      ],
    });
    const d = digestFigures(lib, '2024-q1');
    expect(d.lessons.map((l) => l.id).sort()).toEqual([
      '2023-12-01-d',
      '2024-01-05-a',
      '2024-01-06-b',
    ]);
    expect(d.practice.map((l) => l.id)).toEqual(['2024-01-06-b']);
    expect(d.byPrinciple.map((g) => [g.id, g.lessons.length])).toEqual([
      ['co-locate', 1],
      ['communicate', 2],
      ['none', 1],
    ]);
    expect(d.byTheme.map((g) => [g.id, g.lessons.length])).toEqual([
      ['natural-and-environmental-hazards', 1],
      ['human-animal-and-plant-health', 1],
      ['none', 2],
    ]);
    expect(d.notesIssued.map((n) => n.id)).toEqual(['2024-001']);
    expect(d.returnsUpdated.map((r) => r.id)).toEqual(['2024-001/org-a']);
    expect(d.openNotes.map((a) => a.note.id)).toEqual(['2024-001']);
  });
});
