/**
 * The one place pages get their data: the edition's records from the content layer, as a
 * Library (memoised for the whole build), the site settings and the URL helpers.
 */
import { getCollection } from 'astro:content';
import type { ActionNote } from '../../schemas/action-note.ts';
import type { AssuranceReturn } from '../../schemas/assurance.ts';
import type { Event } from '../../schemas/event.ts';
import type { Lesson } from '../../schemas/lesson.ts';
import type { Organisation } from '../../schemas/organisation.ts';
import { siteConfig } from './config.ts';
import type { StoredRecord } from './content-source.ts';
import { Library } from './library.ts';
import type { PublishedSource } from './published.ts';
import { createUrls } from './urls.ts';

export const config = siteConfig();
export const urls = createUrls(config);

let library: Promise<Library> | undefined;

type Entry = { id: string; data: StoredRecord['data']; body?: string; rendered?: { html: string } };

async function entries(name: 'lessons' | 'actionNotes' | 'assurance' | 'events' | 'organisations'): Promise<Entry[]> {
  return (await getCollection(name)) as unknown as Entry[];
}

async function build(): Promise<Library> {
  const [lessons, notes, returns, events, organisations] = await Promise.all([
    entries('lessons'), entries('actionNotes'), entries('assurance'), entries('events'), entries('organisations'),
  ]);
  return new Library({
    today: config.today,
    lessons: lessons.map((e) => ({
      id: e.id,
      data: e.data.record as Lesson,
      html: e.rendered?.html ?? '',
      body: e.body ?? '',
      published: e.data.published!,
      publishedSource: e.data.publishedSource as PublishedSource,
      repoPath: e.data.repoPath,
      lastChanged: e.data.lastChanged,
    })),
    notes: notes.map((e) => ({ id: e.id, data: e.data.record as ActionNote, html: e.rendered?.html ?? '', repoPath: e.data.repoPath, lastChanged: e.data.lastChanged })),
    returns: returns.map((e) => {
      const [note, organisation] = e.id.split('/') as [string, string];
      return { id: e.id, note, organisation, data: e.data.record as AssuranceReturn };
    }),
    events: events.map((e) => ({ id: e.id, data: e.data.record as Event, repoPath: e.data.repoPath, lastChanged: e.data.lastChanged })),
    organisations: organisations.map((e) => ({ id: e.id, data: e.data.record as Organisation })),
  });
}

export function getLibrary(): Promise<Library> {
  library ??= build();
  return library;
}
