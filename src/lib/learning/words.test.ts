import { describe, expect, it } from 'vitest';
import { cellStateName, percentText } from './words.ts';

describe('words', () => {
  it('writes percentages, and says when nothing applies', () => {
    expect(percentText(33.3)).toBe('33.3%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(undefined)).toBe('Nothing to implement');
  });
  it('names cell states', () => {
    expect(cellStateName('no-return')).toBe('No return yet');
    expect(cellStateName('implemented')).toBe('Implemented');
  });
});
