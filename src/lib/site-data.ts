/**
 * The one place pages get their data: the edition's records from the content layer, as a
 * Library (memoised for the whole build), the site settings and the URL helpers.
 */
import { getCollection } from 'astro:content';
import { siteConfig } from './config.ts';
import type { StoredRecord } from './content-source.ts';
import type { Library } from './library.ts';
import { libraryFromStored } from './stored-library.ts';
import { createUrls } from './urls.ts';

export const config = siteConfig();
export const urls = createUrls(config);

let library: Promise<Library> | undefined;

type Entry = { id: string; data: StoredRecord['data']; body?: string; rendered?: { html: string } };

async function entries(name: 'lessons' | 'actionNotes' | 'assurance' | 'events' | 'organisations'): Promise<StoredRecord[]> {
  const list = (await getCollection(name)) as unknown as Entry[];
  return list.map((e) => ({ id: e.id, data: e.data, body: e.body, html: e.rendered?.html }));
}

async function build(): Promise<Library> {
  const [lessons, notes, returns, events, organisations] = await Promise.all([
    entries('lessons'), entries('actionNotes'), entries('assurance'), entries('events'), entries('organisations'),
  ]);
  return libraryFromStored({ lessons, 'action-notes': notes, assurance: returns, events, organisations }, config.today);
}

export function getLibrary(): Promise<Library> {
  library ??= build();
  return library;
}
