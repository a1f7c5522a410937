/**
 * One content collection per record kind, all filled by one custom loader over
 * JOL_CONTENT_DIR. The loader calls the validator's `loadContent()`, so an invalid content
 * root stops the build with the validator's report.
 *
 * No `schema` is given to Astro on purpose: the data was already validated by
 * `loadContent()` with the schemas of `schemas/` (including the checks across records that a
 * per-entry schema cannot make), the strict schemas would reject the fields the site adds
 * (published date, repository path), and parsing every record twice would slow large
 * builds. Pages read entries through src/lib/site-data.ts, typed from the same schemas.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import type { CollectionName } from '../schemas/collections.ts';
import { loadSiteContent } from './lib/content-source.ts';

function jolLoader(collection: CollectionName): Loader {
  return {
    name: `jol-${collection}`,
    load: async ({ store, logger, generateDigest }) => {
      const content = await loadSiteContent(logger);
      store.clear();
      for (const record of content[collection]) {
        store.set({
          id: record.id,
          data: record.data,
          body: record.body,
          digest: generateDigest({ ...record.data, body: record.body ?? '' }),
          ...(record.html !== undefined ? { rendered: { html: record.html } } : {}),
        });
      }
    },
  };
}

export const collections = {
  lessons: defineCollection({ loader: jolLoader('lessons') }),
  actionNotes: defineCollection({ loader: jolLoader('action-notes') }),
  assurance: defineCollection({ loader: jolLoader('assurance') }),
  events: defineCollection({ loader: jolLoader('events') }),
  organisations: defineCollection({ loader: jolLoader('organisations') }),
};
