/**
 * Where a body link leads: `resolveRecordLink` turns an address into the record it leads to,
 * for the repository checks (a public record linking to a non-public one; a link to no
 * record). Kept apart from body-links.ts, which parses Markdown, so that the repository checks
 * on the validator's main thread do not load the Markdown parser (about 55 ms of every run).
 */
import { layouts } from '../../schemas/layout.ts';
import { loadConfig } from './config/jol-config.ts';

/** The collections whose records have pages that a body can link to (organisations are always public). */
export type LinkedCollection = 'lessons' | 'action-notes' | 'events';

export interface LinkTarget {
  collection: LinkedCollection;
  id: string;
}

/** The page folders of the site that name a record; `assurance/<note>/` shows the note's returns. */
const FOLDERS: Record<string, LinkedCollection> = {
  lessons: 'lessons',
  'action-notes': 'action-notes',
  events: 'events',
  assurance: 'action-notes',
};

/** Addresses with another scheme (mailto:, tel:) and bare fragments never lead to a record. */
export function mayLeadToRecord(url: string): boolean {
  if (url === '' || url.startsWith('#')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return !scheme || /^https?$/i.test(scheme[1]!);
}

/** The origins the site is served from: jol.config.json's siteUrl and JOL_SITE_URL. */
export function siteOrigins(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const origins = new Set<string>();
  const add = (value: string | undefined) => {
    try {
      if (value) origins.add(new URL(value).origin);
    } catch {
      // An invalid address is reported where it is configured, not here.
    }
  };
  try {
    add(loadConfig().siteUrl);
  } catch {
    // No or an invalid jol.config.json: relative links are still resolved.
  }
  add(env.JOL_SITE_URL);
  return origins;
}

const HERE = 'https://jol-record-page.invalid';

/**
 * The record a body link leads to, or undefined when it leads elsewhere. `from` is the record
 * whose body holds the link (relative links are resolved from its page). Any base path is
 * accepted: a page address ends in `<folder>/<id>/` (or `<folder>/<id>/index.html`), and the
 * id must have its collection's form, so that list pages (`/lessons/2/`) are not taken for
 * records.
 */
export function resolveRecordLink(
  url: string,
  from: { collection: string; id: string },
  origins: ReadonlySet<string>,
): LinkTarget | undefined {
  if (!mayLeadToRecord(url)) return undefined;
  let resolved: URL;
  try {
    resolved = new URL(url, `${HERE}/${from.collection}/${from.id}/`);
  } catch {
    return undefined;
  }
  if (resolved.origin !== HERE && !origins.has(resolved.origin)) return undefined;
  const segments = resolved.pathname.split('/').filter(Boolean);
  if (segments.at(-1) === 'index.html') segments.pop();
  if (segments.length < 2) return undefined;
  const collection = FOLDERS[segments.at(-2)!];
  let id: string;
  try {
    id = decodeURIComponent(segments.at(-1)!);
  } catch {
    return undefined;
  }
  if (!collection || !layouts[collection].idPattern.test(id)) return undefined;
  if (collection === from.collection && id === from.id) return undefined;
  return { collection, id };
}
