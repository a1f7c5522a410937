import { describe, expect, it } from 'vitest';
import { nationalAssurance, noteAssurance } from './assurance.ts';
import { library, note, org, ret } from '../../../tests/helpers/library.ts';

// Audience: police and ambulance (3 organisations); fire is outside it but sent a return.
const orgs = [
  org('police-1', 'police'),
  org('police-2', 'police'),
  org('ambulance-1', 'ambulance'),
  org('fire-1', 'fire-rescue'),
];
const n = note('2025-001', {
  audience: ['police', 'ambulance'],
  recommendations: [
    { id: 'R1', text: 'First.' },
    { id: 'R2', text: 'Second.' },
  ],
  report_back_by: '2025-06-30',
});
const returns = [
  ret('2025-001', 'police-1', '2025-05-01', [
    { recommendation: 'R1', state: 'implemented', evidence: 'Done.' },
    { recommendation: 'R2', state: 'in-progress' },
  ]),
  ret('2025-001', 'police-2', '2025-05-02', [
    { recommendation: 'R1', state: 'not-applicable', evidence: 'No control room.' },
  ]),
  ret('2025-001', 'fire-1', '2025-05-03', [
    { recommendation: 'R1', state: 'implemented', evidence: 'Done.' },
  ]),
];

describe('noteAssurance', () => {
  it('counts every audience cell once, leaves out returns from outside the audience, and finds overdue cells', () => {
    const a = noteAssurance(
      library({ notes: [n], returns, organisations: orgs, today: '2025-07-01' }),
      n,
    )!;
    expect(a.audience).toBe(3);
    expect(a.cells).toBe(6);
    expect(a.counts).toEqual({
      implemented: 1,
      'in-progress': 1,
      'not-started': 0,
      'not-applicable': 1,
      'no-return': 3,
    });
    // police-1 R2 in progress, police-2 R2 missing, ambulance-1 R1 and R2 missing.
    expect(a.overdue).toBe(4);
    expect(a.percentImplemented).toBe(20); // 1 of 5 applicable cells
    expect(a.noReturn).toEqual(['ambulance-1']);
    expect(
      a.bySector.map((s) => [s.sector, s.organisations, s.percentImplemented, s.overdue]),
    ).toEqual([
      ['police', 2, 33.3, 2],
      ['ambulance', 1, 0, 2],
    ]);
    expect(
      a.byRecommendation.map((r) => [r.id, r.counts.implemented, r.counts['no-return'], r.overdue]),
    ).toEqual([
      ['R1', 1, 1, 1],
      ['R2', 0, 2, 3],
    ]);
  });

  it('has nothing overdue before the report-back date or once the note is closed', () => {
    expect(
      noteAssurance(library({ notes: [n], returns, organisations: orgs, today: '2025-06-30' }), n)!
        .overdue,
    ).toBe(0);
    const closed = note('2025-001', { ...n.data, status: 'closed' });
    expect(
      noteAssurance(
        library({ notes: [closed], returns, organisations: orgs, today: '2026-01-01' }),
        closed,
      )!.overdue,
    ).toBe(0);
  });

  it('takes no returns for a note without recommendations', () => {
    const info = note('2025-002', {
      kind: 'for-information',
      recommendations: undefined,
      report_back_by: undefined,
    });
    expect(noteAssurance(library({ notes: [info], organisations: orgs }), info)).toBeUndefined();
  });
});

describe('nationalAssurance', () => {
  it('sums the open notes only and lists organisations with overdue returns', () => {
    const other = note('2024-003', { audience: ['ambulance'], report_back_by: '2024-12-31' });
    const closed = note('2024-004', { audience: ['all'], status: 'closed' });
    const lib = library({
      notes: [n, other, closed],
      returns,
      organisations: orgs,
      today: '2025-07-01',
    });
    const nat = nationalAssurance(lib);
    expect(nat.notes.map((a) => a.note.id).sort()).toEqual(['2024-003', '2025-001']);
    expect(nat.counts['no-return']).toBe(4);
    expect(nat.overdue).toBe(5);
    expect(nat.overdueByOrganisation).toEqual([
      { organisation: 'ambulance-1', overdue: 3, notes: ['2025-001', '2024-003'] },
      { organisation: 'police-1', overdue: 1, notes: ['2025-001'] },
      { organisation: 'police-2', overdue: 1, notes: ['2025-001'] },
    ]);
  });
});
