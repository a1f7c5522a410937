/**
 * Loads a content root for the site and the generators: runs the validator (so the build
 * stops on invalid content, with the same report as the CLI), then returns every record of
 * the chosen edition with its validated data and, for Markdown records, its body.
 */
import fs from 'node:fs';
import { collectionNames, type CollectionName } from '../../schemas/layout.ts';
import {
  extractBodyLinks,
  type HiddenRecord,
  hiddenIdsIn,
  mayHoldLinks,
  resolveRecordLink,
  siteOrigins,
  withoutRecordLinks,
} from './body-links.ts';
import type { RecordSummary } from './checks/types.ts';
import type { Diagnostic } from './diagnostic.ts';
import { type Edition, inEdition } from './edition.ts';
import { splitFrontmatter } from './parse-record.ts';
import { parseBody } from './remark/processor.ts';
import { renderMarkdown } from './render-html.ts';
import { formatText } from './report/text.ts';
import { validateContent } from './validate-content.ts';

export interface LoadedRecord {
  collection: CollectionName;
  id: string;
  /** Path as shown to users (relative to the working directory). */
  file: string;
  /** Validated data, defaults applied. */
  data: Record<string, unknown>;
  /** Markdown body for .md records. */
  body?: string;
  /** The body as safe HTML (when loaded with `render`). */
  html?: string;
  /** Absolute path of the file. */
  absolute: string;
}

export type LoadedContent = Record<CollectionName, LoadedRecord[]>;

export class InvalidContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[], report: string) {
    super(`The content has errors; fix them before building.\n\n${report}`);
    this.diagnostics = diagnostics;
  }
}

export interface LoadOptions {
  root: string;
  edition: Edition;
  cwd?: string;
  cache?: boolean;
  onProgress?: (message: string) => void;
  /** Render Markdown bodies to HTML in the validator's worker threads (cached). */
  render?: boolean;
  /**
   * Load even when the validator reports errors (previews of a broken branch, and the tests of
   * the site's own defences); the errors are returned with the warnings. Never for publishing.
   */
  despiteErrors?: boolean;
}

export async function loadContent(
  options: LoadOptions,
): Promise<{ content: LoadedContent; warnings: Diagnostic[] }> {
  const result = await validateContent({
    root: options.root,
    cwd: options.cwd,
    cache: options.cache,
    onProgress: options.onProgress,
    renderBodies: options.render,
  });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && !options.despiteErrors)
    throw new InvalidContentError(
      result.diagnostics,
      formatText(result.diagnostics, result.checked),
    );
  const notes = new Map(
    result.summaries.filter((s) => s.collection === 'action-notes').map((s) => [s.id, s]),
  );
  const content = Object.fromEntries(
    collectionNames.map((n) => [n, [] as LoadedRecord[]]),
  ) as LoadedContent;
  for (const summary of result.summaries) {
    if (!inEdition(summary, options.edition, (id) => notes.get(id))) continue;
    const record: LoadedRecord = {
      collection: summary.collection,
      id: summary.id,
      file: summary.file,
      data: summary.data,
      absolute: result.files.get(summary.file)!,
    };
    if (summary.html !== undefined) record.html = summary.html;
    content[summary.collection].push(record);
  }
  // Bodies are read afresh (the cache keeps only data); only Markdown records have one.
  const hide = options.edition === 'responders' ? undefined : hider(result.summaries, content);
  for (const name of ['lessons', 'action-notes'] as const) {
    for (const record of content[name]) {
      record.body =
        splitFrontmatter(fs.readFileSync(record.absolute, 'utf8').replace(/^\uFEFF/, ''))?.body ??
        '';
      hide?.(record);
    }
  }
  for (const name of collectionNames)
    content[name].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { content, warnings: result.diagnostics };
}

/**
 * The edition's defence against showing records it does not hold, whatever the validator said:
 * a body that links to a lesson, action note or event outside the edition, or names one's id,
 * is treated (body-links.ts: the link becomes its words, the id a phrase), and its HTML is
 * rendered again from the treated body, which is also what the open data carries.
 */
function hider(
  summaries: readonly RecordSummary[],
  content: LoadedContent,
): (record: LoadedRecord) => void {
  const held = new Set(collectionNames.flatMap((n) => content[n].map((r) => `${n}\0${r.id}`)));
  const outside = new Map<string, HiddenRecord>();
  const hiddenIds = new Set<string>();
  for (const s of summaries) {
    if (s.collection !== 'lessons' && s.collection !== 'action-notes' && s.collection !== 'events')
      continue;
    if (held.has(`${s.collection}\0${s.id}`)) continue;
    const title = typeof s.data.title === 'string' ? s.data.title : undefined;
    outside.set(`${s.collection}\0${s.id}`, { id: s.id, title });
    hiddenIds.add(s.id);
  }
  if (outside.size === 0) return () => undefined;
  const links = new Map(summaries.map((s) => [`${s.collection}\0${s.id}`, s.links]));
  const origins = siteOrigins();
  const hiddenId = (id: string) => hiddenIds.has(id);
  return (record) => {
    const body = record.body ?? '';
    const hidden = (url: string) => {
      const to = resolveRecordLink(url, record, origins);
      return to && outside.get(`${to.collection}\0${to.id}`);
    };
    // The validator's links (cached); parsed here only if it did not record them.
    const found =
      links.get(`${record.collection}\0${record.id}`) ??
      (mayHoldLinks(body) ? extractBodyLinks(parseBody(body)) : []);
    if (!found.some((l) => hidden(l.url)) && hiddenIdsIn(body, hiddenId).length === 0) return;
    record.body = withoutRecordLinks(body, hidden, hiddenId);
    record.html = renderMarkdown(record.body, { unlink: (href) => hidden(href) !== undefined });
  };
}
