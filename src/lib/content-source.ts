/**
 * Loads the site's records once per build: the validated data from `loadContent()` (the
 * validator's own loader, so the CLI and the site read content the same way), plus what the
 * site derives once per build: the published date, the file's path in its repository and,
 * for Markdown records, sanitised HTML. Used by the integrations (src/integrations/), never by
 * pages, which wait for the same load through src/lib/site-content.ts.
 */
import path from 'node:path';
import { collectionNames, type CollectionName } from '../../schemas/collections.ts';
import { loadContent } from '../../scripts/lib/load-content.ts';
import { siteConfig } from './config.ts';
import { renderMarkdown } from './markdown.ts';
import { plural } from './page.ts';
import { publishedDate, readGitHistory, repositoryPath } from './published.ts';
import {
  type SiteContent,
  type StoredRecord,
  shareContent,
  sharedContent,
} from './site-content.ts';

type Log = { info(message: string): void; warn(message: string): void };

async function loadAll(log: Log): Promise<SiteContent> {
  const config = siteConfig();
  const { content, warnings } = await loadContent({
    root: config.contentRoot,
    edition: config.edition,
    render: true,
    // Previews of a broken branch, and the tests of the edition's own defences; never for publishing.
    despiteErrors: process.env.JOL_BUILD_INVALID === '1',
  });
  const failed = warnings.filter((d) => d.severity === 'error').length;
  if (failed)
    log.warn(
      `JOL_BUILD_INVALID=1: building despite ${failed} validator errors; never publish this build.`,
    );
  const warned = warnings.filter((d) => d.severity === 'warning').length;
  log.info(
    `${config.edition} edition from ${config.contentRoot}: ${collectionNames.map((n) => `${content[n].length} ${n}`).join(', ')}${warned ? ` (${warned} validator warnings)` : ''}`,
  );
  const historyStarted = performance.now();
  const history = readGitHistory(
    config.contentRoot,
    path.resolve(process.env.JOL_CACHE_DIR || 'node_modules/.astro'),
  );
  // Read back by the benchmark (scripts/lib/bench/measure.ts, historySeconds).
  if (!history.unavailable)
    log.info(
      `Git history of the content read in ${Math.round(performance.now() - historyStarted)} ms (${history.cached ? `HEAD's from the cache` : 'one git log and one git cat-file'}; ${history.returns.size} returns, ${history.lessons.size} lessons, ${history.notes.size} action notes)`,
    );
  if (history.unavailable)
    log.warn(
      `Published dates: ${history.unavailable}; lessons without a published date use their submitted date. Record history is not available: closed quarters' digests use the current files (a return as of its \`updated\` date), and pages say so.`,
    );
  const out: SiteContent = Object.fromEntries(
    collectionNames.map((n) => [n, [] as StoredRecord[]]),
  ) as Record<CollectionName, StoredRecord[]>;
  for (const name of collectionNames) {
    for (const record of content[name]) {
      const abs = record.absolute;
      const stored: StoredRecord = {
        id: record.id,
        data: { record: record.data, repoPath: repositoryPath(abs, config.contentRoot, history) },
      };
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
  // Only the history of the edition's records: a public build holds nothing of the others.
  const notes = new Set(out['action-notes'].map((r) => r.id));
  const lessons = new Set(out.lessons.map((r) => r.id));
  out.history = {
    available: !history.unavailable,
    ...(history.unavailable ? { reason: history.unavailable } : {}),
    returns: new Map([...history.returns].filter(([key]) => notes.has(key.split('/')[0]!))),
    lessons: new Map([...history.lessons].filter(([id]) => lessons.has(id))),
    notes: new Map([...history.notes].filter(([id]) => notes.has(id))),
  };
  if (!history.unavailable) {
    const uncommitted = collectionNames
      .flatMap((n) => content[n])
      .filter((r) => !history.firstAdded.has(r.absolute)).length;
    if (uncommitted)
      log.info(
        `Record history: ${plural(uncommitted, 'record is', 'records are')} not committed yet, so ${uncommitted === 1 ? 'its' : 'their'} history is not available; the current ${uncommitted === 1 ? 'file is' : 'files are'} used.`,
      );
  }
  return out;
}

/** Loads the content root once per build, whichever integration asks first (content or search index). */
export function loadSiteContent(log: Log): Promise<SiteContent> {
  const config = siteConfig();
  const key = `${config.contentRoot}\0${config.edition}`;
  const pending = sharedContent();
  if (pending && pending.key === key) return pending.promise;
  const promise = loadAll(log);
  shareContent({ key, promise });
  return promise;
}
