import { afterEach, describe, expect, it } from 'vitest';
import { type SiteContent, shareContent, siteContent } from './site-content.ts';

const KEY = Symbol.for('jol-library.site-content');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe('siteContent', () => {
  it('says what is missing when no integration started the load', async () => {
    await expect(siteContent()).rejects.toThrow(/jol-content integration .*astro\.config\.mjs/);
  });

  it('gives the pages the load the integration started, not a load of their own', async () => {
    const content = {
      lessons: [{ id: 'a', data: { record: {}, repoPath: 'lessons/a.md' } }],
    } as unknown as SiteContent;
    shareContent({ key: 'root\0responders', promise: Promise.resolve(content) });
    expect(await siteContent()).toBe(content);
  });

  it('passes on a failed load, with its message', async () => {
    const failed = Promise.reject(new Error('The content has errors; fix them before building.'));
    failed.catch(() => undefined);
    shareContent({ key: 'root\0responders', promise: failed });
    await expect(siteContent()).rejects.toThrow('The content has errors');
  });
});
