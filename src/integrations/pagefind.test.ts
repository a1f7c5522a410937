import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageUrl } from './pagefind.ts';

describe('pageUrl', () => {
  it('gives Pagefind the address of a page without index.html or base path', () => {
    expect(pageUrl(path.join('lessons', '2024-01-01-a', 'index.html'))).toBe('/lessons/2024-01-01-a/');
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
});
