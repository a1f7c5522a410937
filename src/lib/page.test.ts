import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, highestClassification, listInWords, plural } from './page.ts';

describe('page helpers', () => {
  it('marks a page with its highest classification', () => {
    expect(highestClassification([])).toBe('official');
    expect(
      highestClassification([
        { data: { classification: 'official' } },
        { data: { classification: 'official-sensitive' } },
      ]),
    ).toBe('official-sensitive');
  });

  it('has a strict policy with no inline script or style', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self'");
  });

  it('writes counts and lists in words', () => {
    expect(plural(1, 'lesson')).toBe('1 lesson');
    expect(plural(0, 'lesson')).toBe('0 lessons');
    expect(plural(2, 'notable practice', 'notable practices')).toBe('2 notable practices');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
