import { describe, expect, it } from 'vitest';
import { DIMENSIONS, countsOverTime, recurringIssues } from './trends.ts';
import { lesson, library, org } from '../../../tests/helpers/library.ts';

const flood = { principles: ['communicate'], risks: ['fluvial-flooding'] };

describe('recurringIssues', () => {
  it('flags a principle and theme raised by three organisations within a year, when the third arrives', () => {
    const lib = library({
      lessons: [
        lesson('2024-01-10-a', { ...flood, submitted_by: 'org-a', published: '2024-02-01' }),
        lesson('2024-03-10-b', { ...flood, submitted_by: 'org-b', published: '2024-04-01' }),
        lesson('2024-05-10-c', { ...flood, submitted_by: 'org-a', published: '2024-06-01' }),
        lesson('2024-09-10-d', { ...flood, submitted_by: 'org-c', published: '2024-10-01' }),
        lesson('2024-09-11-np', {
          ...flood,
          kind: 'notable-practice',
          submitted_by: 'org-d',
          published: '2024-10-02',
        }),
      ],
    });
    const trends = recurringIssues(lib);
    expect(trends).toHaveLength(1);
    expect(trends[0]).toMatchObject({
      principle: 'communicate',
      theme: 'natural-and-environmental-hazards',
      crossed: '2024-10-01',
      quarter: '2024-q4',
    });
    expect(trends[0]!.organisations).toEqual(['org-a', 'org-b', 'org-c']);
    expect(trends[0]!.lessons.map((l) => l.id)).toEqual([
      '2024-01-10-a',
      '2024-03-10-b',
      '2024-05-10-c',
      '2024-09-10-d',
    ]);
  });

  it('does not flag three organisations spread over more than the window', () => {
    const lib = library({
      lessons: [
        lesson('2023-01-10-a', { ...flood, submitted_by: 'org-a', published: '2023-01-10' }),
        lesson('2023-08-10-b', { ...flood, submitted_by: 'org-b', published: '2023-08-10' }),
        lesson('2024-01-10-c', { ...flood, submitted_by: 'org-c', published: '2024-01-10' }),
      ],
    });
    expect(recurringIssues(lib)).toEqual([]);
  });
});

describe('countsOverTime', () => {
  it('counts each lesson once per term per year of publication', () => {
    const orgs = [org('org-a', 'police'), org('org-b', 'fire-rescue')];
    const lib = library({
      organisations: orgs,
      lessons: [
        lesson('2023-05-01-a', {
          principles: ['communicate', 'co-locate'],
          published: '2023-06-01',
        }),
        lesson('2024-05-01-b', {
          principles: ['communicate'],
          published: '2024-06-01',
          organisations: ['org-b'],
        }),
        lesson('2024-07-01-c', { principles: [], published: '2024-08-01' }),
      ],
    });
    const principle = countsOverTime(
      lib,
      DIMENSIONS.find((d) => d.key === 'principle')!,
    );
    expect(principle.years).toEqual(['2023', '2024']);
    expect(principle.rows.map((r) => [r.id, r.perYear, r.total])).toEqual([
      ['co-locate', [1, 0], 1],
      ['communicate', [1, 1], 2],
    ]);
    const sector = countsOverTime(
      lib,
      DIMENSIONS.find((d) => d.key === 'sector')!,
    );
    expect(sector.rows.map((r) => [r.id, r.perYear])).toEqual([
      ['police', [1, 2]],
      ['fire-rescue', [0, 1]],
    ]);
  });
});
