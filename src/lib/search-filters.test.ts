import { describe, expect, it } from 'vitest';
import {
  worldLesson as lesson,
  library,
  worldNote as note,
  world,
} from '../../tests/helpers/library.ts';
import { searchFilters } from './search-filters.ts';

describe('searchFilters', () => {
  it('offers only values that occur, in words, for lessons, notes and events', () => {
    const lib = library({
      ...world,
      today: '2025-01-01',
      lessons: [
        lesson('2023-05-01-a', { principles: ['communicate'], command_levels: ['strategic'] }),
      ],
      notes: [note('2024-001')],
    });
    const byName = Object.fromEntries(searchFilters(lib).map((f) => [f.name, f.values]));
    expect(byName.Type).toEqual(['Lesson identified', 'Action note', 'Event']);
    expect(byName.Principle).toEqual(['Communicate']);
    expect(byName['Command level']).toEqual(['Strategic (gold)']);
    expect(byName.Year).toEqual(['2024', '2023']);
    expect(byName.Status).toEqual(['Identified', 'Open']);
    expect(byName.Source).toEqual(['Incident', 'Exercise']);
    expect(byName.Organisation).toEqual(['Fire B', 'Police A']);
    expect(byName.Sector).toEqual(['Police', 'Fire and rescue']);
    expect(byName.Model).toBeUndefined();
  });
});
