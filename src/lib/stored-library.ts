/**
 * A Library from the records loaded for the build (`StoredRecord`s, src/lib/site-content.ts).
 * The one mapping from those records to the Library: pages use it through site-data.ts, the
 * search index through src/integrations/pagefind.ts, so both see the same data.
 */
import type { ActionNote } from '../../schemas/action-note.ts';
import type { AssuranceReturn } from '../../schemas/assurance.ts';
import type { CollectionName } from '../../schemas/collections.ts';
import type { Event } from '../../schemas/event.ts';
import type { Lesson } from '../../schemas/lesson.ts';
import type { Organisation } from '../../schemas/organisation.ts';
import type { StoredRecord } from './site-content.ts';
import { Library, type LibraryHistory } from './library.ts';
import type { PublishedSource } from './published.ts';

export type StoredCollections = Record<CollectionName, readonly StoredRecord[]> & {
  history?: LibraryHistory;
};

export function libraryFromStored(c: StoredCollections, today: string): Library {
  return new Library({
    today,
    history: c.history,
    lessons: c.lessons.map((e) => ({
      id: e.id,
      data: e.data.record as Lesson,
      html: e.html ?? '',
      body: e.body ?? '',
      published: e.data.published!,
      publishedSource: e.data.publishedSource as PublishedSource,
      repoPath: e.data.repoPath,
      lastChanged: e.data.lastChanged,
    })),
    notes: c['action-notes'].map((e) => ({
      id: e.id,
      data: e.data.record as ActionNote,
      html: e.html ?? '',
      repoPath: e.data.repoPath,
      lastChanged: e.data.lastChanged,
    })),
    returns: c.assurance.map((e) => {
      const [note, organisation] = e.id.split('/') as [string, string];
      return {
        id: e.id,
        note,
        organisation,
        data: e.data.record as AssuranceReturn,
        // The current version was recorded when the file last changed on the branch.
        ...(e.data.lastChanged ? { recorded: e.data.lastChanged } : {}),
      };
    }),
    events: c.events.map((e) => ({
      id: e.id,
      data: e.data.record as Event,
      repoPath: e.data.repoPath,
      lastChanged: e.data.lastChanged,
    })),
    organisations: c.organisations.map((e) => ({ id: e.id, data: e.data.record as Organisation })),
  });
}
