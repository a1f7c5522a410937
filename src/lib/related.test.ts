import { describe, expect, it } from 'vitest';
import { relatedLessons } from './related.ts';

const base = { text: '' };

describe('relatedLessons', () => {
  const lessons = [
    {
      ...base,
      id: 'a',
      related: ['d', 'missing'],
      principles: ['communicate'],
      risks: ['wildfire'],
      organisations: ['gmp'],
      text: 'Radio interoperability failed between control rooms',
    },
    {
      ...base,
      id: 'b',
      principles: ['communicate'],
      risks: ['wildfire'],
      organisations: ['gmp'],
      text: 'Radio interoperability between control rooms',
    },
    { ...base, id: 'c', principles: ['communicate'], text: 'Flood rescue boats' },
    { ...base, id: 'd', text: 'Unrelated catering note' },
    { ...base, id: 'e', text: 'Nothing in common whatsoever' },
  ];
  const result = relatedLessons(lessons, 5);

  it('lists stated lessons first and drops unknown ids', () => {
    expect(result.get('a')!.stated).toEqual(['d']);
  });

  it('ranks by shared principles, risks, organisations and words', () => {
    const similar = result.get('a')!.similar.map((s) => s.id);
    expect(similar[0]).toBe('b');
    expect(similar).not.toContain('a');
    expect(similar).not.toContain('d'); // already stated
    expect(similar).not.toContain('e');
  });

  it('finds lessons sharing only a principle, ranked below closer ones', () => {
    expect(result.get('c')!.similar.map((s) => s.id)).toEqual(['a', 'b']);
    expect(result.get('b')!.similar.map((s) => s.id)).toEqual(['a', 'c']);
  });

  it('skips keys shared by most of a large collection', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      id: `m${i}`,
      principles: ['communicate'],
      text: `unique${i}`,
    }));
    expect(relatedLessons(many, 3).get('m0')!.similar).toEqual([]);
  });

  it('respects the limit', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      id: `l${i}`,
      risks: ['pandemic'],
      text: 'pandemic response',
    }));
    expect(relatedLessons(many, 3).get('l0')!.similar).toHaveLength(3);
  });
});
