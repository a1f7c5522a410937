import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPOSITORY_URL, normaliseBasePath, siteConfig } from './config.ts';

describe('siteConfig', () => {
  it('uses documented defaults', () => {
    const config = siteConfig({ JOL_TODAY: '2025-06-01' }, '/repo');
    expect(config).toMatchObject({
      basePath: '/',
      repositoryUrl: DEFAULT_REPOSITORY_URL,
      repositoryBranch: 'main',
      edition: 'responders',
      contentRoot: '/repo/content',
      today: '2025-06-01',
      searchIndex: 'auto',
      name: 'JOL Library',
      sample: false,
      showRepository: true,
      contact: { name: 'the JOL central team' },
    });
    expect(config.editionText.dataTitle).toBe('Data downloads');
    expect(config.editionText.licence).not.toMatch(/open government licence/i);
    const pub = siteConfig({ JOL_TODAY: '2025-06-01', JOL_EDITION: 'public' }, '/repo');
    expect(pub.showRepository).toBe(false);
    expect(pub.editionText.dataTitle).toBe('Open data');
    expect(pub.editionText.licence).toContain('Open Government Licence v3.0');
  });

  it("reads the library's settings from JOL_CONFIG: a public repository is linked from the public edition", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-site-config-'));
    const file = path.join(dir, 'jol.config.json');
    const repo = JSON.parse(fs.readFileSync('jol.config.json', 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...repo,
        name: 'Northshire JOL',
        sample: true,
        repositoryVisibility: 'public',
        editions: {
          public: {
            dataTitle: 'Reuse our data',
            licence: 'Licence text.',
            handling: 'Handle with care.',
          },
        },
      }),
    );
    try {
      const pub = siteConfig({ JOL_EDITION: 'public', JOL_CONFIG: file }, '/repo');
      expect(pub).toMatchObject({ name: 'Northshire JOL', sample: true, showRepository: true });
      expect(pub.editionText).toEqual({
        dataTitle: 'Reuse our data',
        licence: 'Licence text.',
        handling: 'Handle with care.',
      });
      // An edition the file leaves out keeps its defaults.
      const responders = siteConfig({ JOL_CONFIG: file }, '/repo');
      expect(responders.editionText.dataTitle).toBe('Data downloads');
      fs.writeFileSync(file, JSON.stringify({ ...repo, repositoryVisibility: 'secret' }));
      expect(() => siteConfig({ JOL_CONFIG: file }, '/repo')).toThrow(/repositoryVisibility/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads every setting from the environment', () => {
    const config = siteConfig(
      {
        JOL_SITE_URL: 'https://example.org/jol/',
        JOL_BASE_PATH: 'jol',
        JOL_REPOSITORY_URL: 'https://github.com/acme/jol/',
        JOL_REPOSITORY_BRANCH: 'trunk',
        JOL_EDITION: 'public',
        JOL_CONTENT_DIR: 'other',
        JOL_SEARCH_INDEX: 'full',
      },
      '/repo',
    );
    expect(config).toMatchObject({
      siteUrl: 'https://example.org',
      basePath: '/jol/',
      repositoryUrl: 'https://github.com/acme/jol',
      repositoryBranch: 'trunk',
      edition: 'public',
      contentRoot: '/repo/other',
      searchIndex: 'full',
    });
  });

  it('takes the base path from the site address, as npm run site-env writes it', () => {
    const both = siteConfig({
      JOL_SITE_URL: 'https://owner.github.io/jol-library',
      JOL_BASE_PATH: '/jol-library/',
    });
    expect([both.siteUrl, both.basePath]).toEqual(['https://owner.github.io', '/jol-library/']);
    const urlOnly = siteConfig({ JOL_SITE_URL: 'https://owner.github.io/jol-library/' });
    expect([urlOnly.siteUrl, urlOnly.basePath]).toEqual([
      'https://owner.github.io',
      '/jol-library/',
    ]);
    expect(() =>
      siteConfig({ JOL_SITE_URL: 'https://owner.github.io/a', JOL_BASE_PATH: '/b/' }),
    ).toThrow(/ends in \/a\/ but JOL_BASE_PATH is \/b\//);
  });

  it('rejects an address that is not absolute', () => {
    expect(() => siteConfig({ JOL_SITE_URL: 'example.org' })).toThrow(
      /JOL_SITE_URL must be an absolute/,
    );
    expect(() => siteConfig({ JOL_REPOSITORY_URL: 'javascript:alert(1)' })).toThrow(
      /JOL_REPOSITORY_URL must start with https/,
    );
  });

  it('rejects a search-index mode it does not know', () => {
    expect(() => siteConfig({ JOL_SEARCH_INDEX: 'fast' })).toThrow(
      'JOL_SEARCH_INDEX must be "auto" (the default) or "full", found "fast"',
    );
  });

  it('normalises base paths', () => {
    expect(normaliseBasePath(undefined)).toBe('/');
    expect(normaliseBasePath('/')).toBe('/');
    expect(normaliseBasePath('/a/b')).toBe('/a/b/');
    expect(normaliseBasePath('a/')).toBe('/a/');
  });
});
