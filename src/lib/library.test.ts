import { describe, expect, it } from 'vitest';
import {
  worldLesson as lesson,
  library,
  worldNote as note,
  org,
  world,
} from '../../tests/helpers/library.ts';

describe('Library', () => {
  const lib = library({
    ...world,
    lessons: [
      lesson('2024-01-01-a', {
        published: '2024-03-01',
        organisations: ['fire-b'],
        event: '2024-01-01-storm',
        principles: ['communicate'],
      }),
      lesson('2024-02-01-b', {
        kind: 'notable-practice',
        criteria: ['improves-interoperability'],
        published: '2024-05-01',
        related: ['2024-01-01-a'],
      }),
      lesson('2024-03-01-c', {
        published: '2024-04-01',
        submitted_by: 'council-c',
        principles: ['communicate'],
      }),
    ],
    notes: [
      note('2024-001', {
        lessons: ['2024-01-01-a'],
        issued: '2024-02-01',
        report_back_by: '2024-06-01',
      }),
      note('2024-002', {
        lessons: ['2024-01-01-a', '2024-03-01-c'],
        kind: 'for-information',
        recommendations: undefined,
        report_back_by: undefined,
        audience: ['all'],
      }),
    ],
    returns: [
      {
        id: '2024-001/police-a',
        note: '2024-001',
        organisation: 'police-a',
        data: {
          updated: '2024-05-01',
          returns: [
            { recommendation: 'R1', state: 'implemented', evidence: 'Done.' },
            { recommendation: 'R2', state: 'in-progress' },
          ],
        },
      },
      {
        id: '2024-001/council-c',
        note: '2024-001',
        organisation: 'council-c',
        data: { updated: '2024-05-02', returns: [{ recommendation: 'R1', state: 'not-started' }] },
      },
    ],
    today: '2025-01-01',
  });

  it('sorts lessons newest published first and splits them by kind', () => {
    expect(lib.lessons.map((l) => l.id)).toEqual(['2024-02-01-b', '2024-03-01-c', '2024-01-01-a']);
    expect(lib.notablePractice.map((l) => l.id)).toEqual(['2024-02-01-b']);
    expect(lib.lessonsIdentified).toHaveLength(2);
  });

  it('derives the action notes that cite a lesson', () => {
    expect(lib.notesCiting('2024-01-01-a').map((n) => n.id)).toEqual(['2024-001', '2024-002']);
    expect(lib.notesCiting('2024-02-01-b')).toEqual([]);
  });

  it('finds the action notes addressed to an organisation or answered by it', () => {
    // 2024-001 is addressed to the police and answered by council-c; 2024-002 to everyone.
    expect(
      lib
        .notesOfOrganisation('police-a')
        .map((n) => n.id)
        .sort(),
    ).toEqual(['2024-001', '2024-002']);
    expect(
      lib
        .notesOfOrganisation('council-c')
        .map((n) => n.id)
        .sort(),
    ).toEqual(['2024-001', '2024-002']);
    expect(lib.notesOfOrganisation('fire-b').map((n) => n.id)).toEqual(['2024-002']);
    expect(lib.notesOfOrganisation('nobody')).toEqual([]);
  });

  it('lists the members of a resilience forum by name', () => {
    const forum = library({
      organisations: [
        org('lrf-x', 'resilience-forum', 'LRF X'),
        org('police-z', 'police', 'Zed Police', { forum: 'lrf-x' }),
        org('fire-y', 'fire-rescue', 'Fire Y', { forum: 'lrf-x' }),
        org('council-w', 'local-authority', 'Council W'),
      ],
    });
    expect(forum.membersOf('lrf-x').map((o) => o.id)).toEqual(['fire-y', 'police-z']);
    expect(forum.membersOf('police-z')).toEqual([]);
  });

  it('finds organisations, sectors, events of a lesson', () => {
    const a = lib.lesson('2024-01-01-a')!;
    expect(lib.organisationsOf(a)).toEqual(['police-a', 'fire-b']);
    expect(lib.sectorsOf(a)).toEqual(['police', 'fire-rescue']);
    expect(lib.lessonsOfEvent('2024-01-01-storm').map((l) => l.id)).toEqual(['2024-01-01-a']);
    expect(lib.lessonsOfOrganisation('fire-b').map((l) => l.id)).toEqual(['2024-01-01-a']);
    expect(lib.eventsOfOrganisation('fire-b').map((e) => e.id)).toEqual(['2024-01-01-storm']);
    expect(lib.organisationName('nobody')).toBe('nobody');
  });

  it('lists stated related lessons first, then similar ones', () => {
    const b = lib.related('2024-02-01-b');
    expect(b.stated.map((l) => l.id)).toEqual(['2024-01-01-a']);
    const c = lib.related('2024-03-01-c');
    expect(c.similar[0]!.id).toBe('2024-01-01-a');
  });

  it('builds the assurance table of a note with overdue returns', () => {
    const n = lib.note('2024-001')!;
    expect(lib.audienceOf(n).map((o) => o.id)).toEqual(['police-a']);
    const rows = lib.returnsTable(n);
    // Council C returned although outside the audience (a warning for the validator, shown here).
    expect(rows.map((r) => [r.organisation.id, r.inAudience, r.updated])).toEqual([
      ['council-c', false, '2024-05-02'],
      ['police-a', true, '2024-05-01'],
    ]);
    expect(rows[1]!.cells).toEqual([
      { recommendation: 'R1', state: 'implemented', overdue: false, evidence: 'Done.' },
      { recommendation: 'R2', state: 'in-progress', overdue: true, evidence: undefined },
    ]);
    expect(rows[0]!.cells.map((c) => [c.state, c.overdue])).toEqual([
      ['not-started', true],
      ['no-return', true],
    ]);
    expect(lib.overdueCount(n)).toBe(3);
  });

  it('has no overdue returns before the report-back date, for closed notes, or without recommendations', () => {
    const early = library({
      ...world,
      notes: [note('2024-001', { report_back_by: '2025-06-01' })],
      today: '2025-01-01',
    });
    expect(early.overdueCount(early.note('2024-001')!)).toBe(0);
    expect(early.returnsTable(early.note('2024-001')!)[0]!.cells[0]).toMatchObject({
      state: 'no-return',
      overdue: false,
    });
    const closed = library({
      ...world,
      today: '2025-01-01',
      notes: [note('2024-001', { status: 'closed' })],
    });
    expect(closed.overdueCount(closed.note('2024-001')!)).toBe(0);
    expect(lib.returnsTable(lib.note('2024-002')!)).toEqual([]);
    expect(lib.audienceOf(lib.note('2024-002')!)).toHaveLength(3);
  });
});
