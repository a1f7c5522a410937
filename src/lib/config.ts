/**
 * Build-time settings of the site, all from the environment so that forks and tests can
 * change them without editing code:
 *
 * - `JOL_SITE_URL`: the absolute address the site is served from (feeds, sitemap), with or
 *   without its base path: `https://owner.github.io` or `https://owner.github.io/jol-library`.
 * - `JOL_BASE_PATH`: the path the site lives under, such as `/jol-library/` on GitHub Pages;
 *   taken from JOL_SITE_URL when not set.
 * - `JOL_REPOSITORY_URL`: the GitHub repository holding the content (history and edit links).
 * - `JOL_REPOSITORY_BRANCH`: its main branch, `main` unless set.
 * - `JOL_EDITION`, `JOL_CONTENT_DIR`, `JOL_TODAY`: as for the validator.
 * - `JOL_SEARCH_INDEX`: `auto` (the default) indexes for search only the records changed since
 *   the last full index where it can; `full` indexes every record (src/lib/search-index-plan.ts).
 */
import { contentRoot } from '../../scripts/lib/content-root.ts';
import { type Edition, editionFromEnv } from '../../scripts/lib/edition.ts';
import { today } from '../../schemas/today.ts';

export const DEFAULT_SITE_URL = 'http://127.0.0.1:4321';
export const DEFAULT_REPOSITORY_URL = 'https://github.com/OWNER/jol-library';

export interface SiteConfig {
  siteUrl: string;
  basePath: string;
  repositoryUrl: string;
  repositoryBranch: string;
  edition: Edition;
  contentRoot: string;
  today: string;
  searchIndex: 'auto' | 'full';
}

/** `/`, `/jol/` — always with a leading and a trailing slash. */
export function normaliseBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function absoluteUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `${name} must be an absolute http(s) address such as https://example.org, found "${value}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must start with https:// or http://, found "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

export function siteConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): SiteConfig {
  const edition = editionFromEnv(env);
  // JOL_SITE_URL may carry the base path (https://owner.github.io/jol-library, as
  // `npm run site-env` writes it); the base path then comes from it unless JOL_BASE_PATH says.
  const site = new URL(absoluteUrl('JOL_SITE_URL', env.JOL_SITE_URL || DEFAULT_SITE_URL));
  const fromUrl = normaliseBasePath(site.pathname);
  const basePath = env.JOL_BASE_PATH ? normaliseBasePath(env.JOL_BASE_PATH) : fromUrl;
  if (fromUrl !== '/' && fromUrl !== basePath) {
    throw new Error(
      `JOL_SITE_URL ends in ${fromUrl} but JOL_BASE_PATH is ${basePath}; give the same path in both, or only the origin in JOL_SITE_URL`,
    );
  }
  const searchIndex = env.JOL_SEARCH_INDEX || 'auto';
  if (searchIndex !== 'auto' && searchIndex !== 'full')
    throw new Error(
      `JOL_SEARCH_INDEX must be "auto" (the default) or "full", found "${searchIndex}"`,
    );
  return {
    siteUrl: site.origin,
    basePath,
    repositoryUrl: absoluteUrl(
      'JOL_REPOSITORY_URL',
      env.JOL_REPOSITORY_URL || DEFAULT_REPOSITORY_URL,
    ),
    repositoryBranch: env.JOL_REPOSITORY_BRANCH || 'main',
    edition,
    contentRoot: contentRoot(env, cwd),
    today: today(env),
    searchIndex,
  };
}
