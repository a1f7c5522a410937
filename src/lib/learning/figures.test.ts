import { describe, expect, it } from 'vitest';
import { digestFigures } from './digest.ts';
import { learningFigures } from './figures.ts';
import { lesson, library, note, org } from '../../../tests/helpers/library.ts';

const flood = { principles: ['communicate'], risks: ['fluvial-flooding'] };
const lib = library({
  organisations: [org('org-a', 'police'), org('org-b', 'fire-rescue'), org('org-c', 'ambulance')],
  lessons: [
    lesson('2024-01-10-a', { ...flood, submitted_by: 'org-a', published: '2024-02-01' }),
    lesson('2024-03-10-b', { ...flood, submitted_by: 'org-b', published: '2024-04-01' }),
    lesson('2024-05-10-c', { ...flood, submitted_by: 'org-c', published: '2024-06-01' }),
  ],
  notes: [
    note('2024-001', {
      issued: '2024-11-01',
      report_back_by: '2025-03-31',
      lessons: ['2024-01-10-a'],
    }),
  ],
});

describe('learningFigures', () => {
  it('is computed once per library', () => {
    expect(learningFigures(lib)).toBe(learningFigures(lib));
    expect(learningFigures(lib).digest('2024-q2')).toBe(learningFigures(lib).digest('2024-q2'));
  });

  it('lists the quarters with a lesson published or a note issued, newest first', () => {
    expect(learningFigures(lib).quarters).toEqual(['2024-q4', '2024-q2', '2024-q1']);
  });

  it('gives the same digest as computing it alone', () => {
    const f = learningFigures(lib);
    for (const q of f.quarters) {
      const alone = digestFigures(lib, q);
      const shared = f.digest(q);
      expect(shared.lessons.map((l) => l.id)).toEqual(alone.lessons.map((l) => l.id));
      expect(shared.trends.map((t) => t.crossed)).toEqual(alone.trends.map((t) => t.crossed));
      expect(shared.openNotes.map((a) => a.note.id)).toEqual(alone.openNotes.map((a) => a.note.id));
    }
    expect(f.digest('2024-q2').trends).toHaveLength(1);
    expect(f.digest('2024-q4').notesIssued.map((n) => n.id)).toEqual(['2024-001']);
  });

  it('counts every dimension and the funnel', () => {
    const f = learningFigures(lib);
    expect(f.counts.find((c) => c.dimension.key === 'principle')!.rows).toEqual([
      { id: 'communicate', name: 'Communicate', perYear: [3], total: 3 },
    ]);
    expect(f.funnel.total).toBe(3);
    expect(f.national.notes.map((a) => a.note.id)).toEqual(['2024-001']);
  });
});
