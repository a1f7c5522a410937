/**
 * `npm run site-env` — prints the site settings from jol.config.json as NAME=value lines for
 * $GITHUB_ENV: JOL_SITE_URL, JOL_BASE_PATH (the path part of the site URL) and JOL_REPOSITORY_URL.
 * The values are checked by the config schema (a URL, owner/name) and hold no line breaks.
 */
import { loadConfig } from './lib/config/jol-config.ts';

const config = loadConfig();
const url = new URL(config.siteUrl);
const lines = [
  `JOL_SITE_URL=${url.origin}${url.pathname.replace(/\/$/, '')}`,
  `JOL_BASE_PATH=${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}`,
  `JOL_REPOSITORY_URL=https://github.com/${config.repository}`,
];
if (lines.some((l) => /[\r\n]/.test(l)))
  throw new Error('jol.config.json: site settings must not contain line breaks');
process.stdout.write(`${lines.join('\n')}\n`);
