import { describe, expect, it } from 'vitest';
import { createUrls } from './urls.ts';

const opts = {
  siteUrl: 'https://example.org',
  repositoryUrl: 'https://github.com/acme/jol',
  repositoryBranch: 'main',
};

describe('createUrls', () => {
  it('builds paths under the root', () => {
    const urls = createUrls({ ...opts, basePath: '/' });
    expect(urls.home()).toBe('/');
    expect(urls.lesson('2024-01-01-a')).toBe('/lessons/2024-01-01-a/');
    expect(urls.lessons(1)).toBe('/lessons/');
    expect(urls.lessons(3)).toBe('/lessons/3/');
    expect(urls.facetTerm('principles', 'co-locate', 2)).toBe('/principles/co-locate/2/');
    expect(urls.facetTerm('organisations', 'gmp')).toBe('/organisations/gmp/');
    expect(urls.feed('rss')).toBe('/feeds/lessons.xml');
    expect(urls.facetFeed('sectors', 'police')).toBe('/feeds/sectors/police.xml');
  });

  it('honours a base path and makes absolute addresses', () => {
    const urls = createUrls({ ...opts, basePath: '/jol/' });
    expect(urls.note('2025-001')).toBe('/jol/action-notes/2025-001/');
    expect(urls.digestFeed('atom')).toBe('/jol/feeds/digests.atom');
    expect(urls.assurance()).toBe('/jol/assurance/');
    expect(urls.assurance('2025-001')).toBe('/jol/assurance/2025-001/');
    expect(urls.trends()).toBe('/jol/trends/');
    expect(urls.data()).toBe('/jol/data/');
    expect(urls.data('schemas/lesson.schema.json')).toBe('/jol/data/schemas/lesson.schema.json');
    expect(urls.absolute(urls.lesson('x'))).toBe('https://example.org/jol/lessons/x/');
    expect(urls.absolute('feeds/lessons.xml')).toBe('https://example.org/jol/feeds/lessons.xml');
  });

  it('links to the history and edit pages of a file on GitHub', () => {
    const urls = createUrls({ ...opts, basePath: '/' });
    expect(urls.history('content/lessons/a b.md')).toBe(
      'https://github.com/acme/jol/commits/main/content/lessons/a%20b.md',
    );
    expect(urls.edit('content/lessons/a.md')).toBe(
      'https://github.com/acme/jol/edit/main/content/lessons/a.md',
    );
  });
});
