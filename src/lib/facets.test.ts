import { describe, expect, it } from 'vitest';
import { facet, facetCounts, facets, lessonsWith, termName } from './facets.ts';
import { worldLesson as lesson, library, world } from '../../tests/helpers/library.ts';

describe('facets', () => {
  const lib = library({
    ...world,
    today: '2025-01-01',
    lessons: [
      lesson('2023-05-01-a', {
        principles: ['co-locate', 'communicate'],
        risks: ['wildfire'],
        organisations: ['fire-b'],
        command_levels: ['tactical'],
      }),
      lesson('2024-05-01-b', {
        kind: 'notable-practice',
        criteria: ['improves-interoperability'],
        principles: ['communicate'],
        models: ['jdm'],
        status: 'learned',
      }),
    ],
  });

  it('names every facet the issue asks to browse and filter by', () => {
    expect(facets.map((f) => f.filter)).toEqual([
      'Type',
      'Principle',
      'Model',
      'Risk theme',
      'Risk',
      'Sector',
      'Organisation',
      'Source',
      'Status',
      'Command level',
      'Year',
    ]);
  });

  it('finds the terms of a lesson, risk themes and sectors derived', () => {
    const a = lib.lesson('2023-05-01-a')!;
    expect(facet('principles').valuesOf(a, lib)).toEqual(['co-locate', 'communicate']);
    expect(facet('nrr-themes').valuesOf(a, lib)).toEqual(['natural-and-environmental-hazards']);
    expect(facet('sectors').valuesOf(a, lib)).toEqual(['police', 'fire-rescue']);
    expect(facet('years').valuesOf(a, lib)).toEqual(['2023']);
    expect(termName(facet('principles'), 'co-locate', lib)).toBe('Co-locate');
    expect(termName(facet('models'), 'jdm', lib)).toBe('Joint Decision Model');
  });

  it('counts lessons per term in vocabulary order, empty terms included', () => {
    const counts = facetCounts(facet('principles'), lib);
    expect(counts.map((c) => [c.term.id, c.count])).toEqual([
      ['co-locate', 1],
      ['communicate', 2],
      ['co-ordinate', 0],
      ['jointly-understand-risk', 0],
      ['shared-situational-awareness', 0],
    ]);
    expect(
      facet('years')
        .terms(lib)
        .map((t) => t.id),
    ).toEqual(['2024', '2023']);
    expect(lessonsWith(facet('statuses'), 'learned', lib).map((l) => l.id)).toEqual([
      '2024-05-01-b',
    ]);
  });

  it('refuses an unknown facet', () => {
    expect(() => facet('colours')).toThrow(/Unknown facet "colours"/);
  });
});
