/**
 * The site the feed unit tests (src/lib/feeds.test.ts, src/lib/digests.test.ts) build feeds for:
 * its name and rights, and its addresses under the base path /jol/ on example.org.
 */
import { createUrls } from '../../src/lib/urls.ts';

export const SITE = { name: 'JOL Library', rights: 'Licensed for tests.' };

export const urls = createUrls({
  basePath: '/jol/',
  siteUrl: 'https://example.org',
  repositoryUrl: 'https://github.com/a/b',
  repositoryBranch: 'main',
});
