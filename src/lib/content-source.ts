/**
 * What the Astro content layer stores for each record: the validated data from
 * `loadContent()` (the validator's own loader, so the CLI and the site read content the
 * same way), plus what the site derives once per build: the published date, the file's path
 * in its repository and, for Markdown records, sanitised HTML.
 */
import { collectionNames, type CollectionName } from '../../schemas/collections.ts';
import { type LoadedRecord, loadContent } from '../../scripts/lib/load-content.ts';
import { siteConfig } from './config.ts';
import { renderMarkdown } from './markdown.ts';
import { type PublishedSource, publishedDate, readGitHistory, repositoryPath } from './published.ts';

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

type Log = { info(message: string): void; warn(message: string): void };

/**
 * The records of one content root and edition, loaded once per build whichever asks first:
 * the content layer's loaders (run by Astro through Vite) or the search-index integration
 * (imported with the Astro config). Those are separate module graphs with separate copies of
 * this module, so the promise is kept on `globalThis` under a registered symbol.
 */
const SHARED = Symbol.for('jol-library.site-content');
type Pending = { key: string; promise: Promise<Record<CollectionName, StoredRecord[]>> };
const shared = globalThis as typeof globalThis & { [SHARED]?: Pending };

async function loadAll(log: Log): Promise<Record<CollectionName, StoredRecord[]>> {
  const config = siteConfig();
  const { content, warnings } = await loadContent({ root: config.contentRoot, edition: config.edition, render: true });
  const warned = warnings.filter((d) => d.severity === 'warning').length;
  log.info(`${config.edition} edition from ${config.contentRoot}: ${collectionNames.map((n) => `${content[n].length} ${n}`).join(', ')}${warned ? ` (${warned} validator warnings)` : ''}`);
  const history = readGitHistory(config.contentRoot);
  if (history.unavailable) log.warn(`Published dates: ${history.unavailable}; lessons without a published date use their submitted date.`);
  const out = Object.fromEntries(collectionNames.map((n) => [n, [] as StoredRecord[]])) as Record<CollectionName, StoredRecord[]>;
  for (const name of collectionNames) {
    for (const record of content[name] as LoadedRecord[]) {
      const abs = record.absolute;
      const stored: StoredRecord = { id: record.id, data: { record: record.data, repoPath: repositoryPath(abs, config.contentRoot, history) } };
      const lastChanged = history.lastChanged.get(abs);
      if (lastChanged) stored.data.lastChanged = lastChanged;
      if (name === 'lessons') {
        const published = publishedDate(record.data, abs, history);
        stored.data.published = published.date;
        stored.data.publishedSource = published.source;
      }
      if (record.body !== undefined) {
        stored.body = record.body;
        stored.html = record.html ?? renderMarkdown(record.body);
      }
      out[name].push(stored);
    }
  }
  return out;
}

/** Loads the content root once per build, whichever collection (or the search index) asks first. */
export function loadSiteContent(log: Log): Promise<Record<CollectionName, StoredRecord[]>> {
  const config = siteConfig();
  const key = `${config.contentRoot}\0${config.edition}`;
  const pending = shared[SHARED];
  if (pending && pending.key === key) return pending.promise;
  const promise = loadAll(log);
  shared[SHARED] = { key, promise };
  return promise;
}
