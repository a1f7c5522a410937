import { describe, expect, it } from 'vitest';
import { digestOf, digestQuarters } from './digests.ts';
import { lesson, makeLibrary, note } from './library-fixture.ts';

describe('digests', () => {
  const lib = makeLibrary({
    lessons: [lesson('2024-01-01-a', { published: '2024-03-31' }), lesson('2024-01-02-b', { published: '2024-04-01' })],
    notes: [note('2023-001', { issued: '2023-11-15' })],
  });

  it('has a quarter when a lesson was published or a note issued in it, newest first', () => {
    expect(digestQuarters(lib)).toEqual(['2024-q2', '2024-q1', '2023-q4']);
  });

  it('collects what a quarter published', () => {
    expect(digestOf(lib, '2024-q1').lessons.map((l) => l.id)).toEqual(['2024-01-01-a']);
    expect(digestOf(lib, '2023-q4').notes.map((n) => n.id)).toEqual(['2023-001']);
    expect(digestOf(lib, '2022-q1')).toEqual({ lessons: [], notes: [] });
  });
});
