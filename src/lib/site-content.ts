/**
 * The records of the build, as pages receive them. They are loaded once per build by
 * src/lib/content-source.ts, which the jol-content integration starts when the build starts
 * (src/integrations/content.ts). Pages run in Astro's prerender bundle, a separate module
 * graph from the integrations, so the pending load is kept on `globalThis` under a registered
 * symbol, and this module — all the pages import — holds no loading code of its own: the
 * validator and its worker threads stay out of the page bundle.
 */
import type { CollectionName } from '../../schemas/collections.ts';
import type { LibraryHistory } from './library.ts';
import type { PublishedSource } from './published.ts';

export interface StoredRecord {
  id: string;
  data: {
    record: Record<string, unknown>;
    repoPath: string;
    published?: string;
    publishedSource?: PublishedSource;
    /** Last day the file changed on the branch, when Git history is available. */
    lastChanged?: string;
  };
  body?: string;
  html?: string;
}

export type SiteContent = Record<CollectionName, StoredRecord[]> & {
  /** The edition's records' history from Git (only records of the edition). */
  history?: LibraryHistory;
};

const SHARED = Symbol.for('jol-library.site-content');
/** A load of one content root and edition (`key`), shared by everything in the build process. */
export type PendingContent = { key: string; promise: Promise<SiteContent> };
type Shared = typeof globalThis & { [SHARED]?: PendingContent };

export function sharedContent(): PendingContent | undefined {
  return (globalThis as Shared)[SHARED];
}

export function shareContent(pending: PendingContent): void {
  (globalThis as Shared)[SHARED] = pending;
}

/** The records of the build: waits for the load the jol-content integration started. */
export function siteContent(): Promise<SiteContent> {
  const pending = sharedContent();
  if (!pending)
    return Promise.reject(
      new Error(
        'The content root was not loaded: the jol-content integration (src/integrations/content.ts) must be in astro.config.mjs.',
      ),
    );
  return pending.promise;
}
