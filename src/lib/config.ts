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
 * - `JOL_CONFIG`: the repository settings file (default `jol.config.json` in the working
 *   folder): the library's name, whether it is the sample, whether its repository is public,
 *   the central team's contact and each edition's data title, licence and handling text.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  EDITION_DEFAULTS,
  type EditionText,
  type JolConfig,
  jolConfigSchema,
  loadConfig,
} from '../../scripts/lib/config/jol-config.ts';
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
  /** The library's name (jol.config.json `name`). */
  name: string;
  /** The content is the sample library: every page says its lessons are fictional. */
  sample: boolean;
  /**
   * Whether pages link to the repository (source, history, edit, submission forms): always in
   * the responders edition, whose readers work with it; in the public edition only when
   * jol.config.json says the repository is public.
   */
  showRepository: boolean;
  /** The central team organisations contact to join. */
  contact: JolConfig['contact'];
  /** This edition's data page title, licence and handling text. */
  editionText: EditionText;
  /** Offline reading in this edition (jol.config.json `editions.<edition>.offline*`, else the
   * edition's defaults): the notice, whether pages are kept before the reader turns it on,
   * and for how many days. */
  offline: { notice: string; byDefault: boolean; days: number };
}

type LibrarySettings = Pick<
  JolConfig,
  'name' | 'sample' | 'repositoryVisibility' | 'contact' | 'editions'
>;

/**
 * The site's part of jol.config.json: JOL_CONFIG, else the file in the working folder (not
 * beside this module: pages run from a bundled copy). A folder without one (a fork's content
 * built elsewhere) gets the schema's defaults: a private repository, no sample notice.
 */
function librarySettings(env: NodeJS.ProcessEnv, cwd: string): LibrarySettings {
  const file = env.JOL_CONFIG || path.join(cwd, 'jol.config.json');
  if (!env.JOL_CONFIG && !fs.existsSync(file)) {
    const defaults = jolConfigSchema.shape;
    return {
      name: defaults.name.parse(undefined),
      sample: defaults.sample.parse(undefined),
      repositoryVisibility: defaults.repositoryVisibility.parse(undefined),
      contact: defaults.contact.parse(undefined),
      editions: defaults.editions.parse(undefined),
    };
  }
  return loadConfig(file);
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
  const settings = librarySettings(env, cwd);
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
    name: settings.name,
    sample: settings.sample,
    showRepository: edition === 'responders' || settings.repositoryVisibility === 'public',
    contact: settings.contact,
    editionText: settings.editions[edition],
    offline: {
      notice: settings.editions[edition].offlineNotice ?? EDITION_DEFAULTS[edition].offlineNotice,
      byDefault:
        settings.editions[edition].offlineByDefault ?? EDITION_DEFAULTS[edition].offlineByDefault,
      days: settings.editions[edition].offlineDays ?? EDITION_DEFAULTS[edition].offlineDays,
    },
  };
}
