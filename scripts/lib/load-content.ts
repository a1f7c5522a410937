/**
 * Loads a content root for the site and the generators: runs the validator (so the build
 * stops on invalid content, with the same report as the CLI), then returns every record of
 * the chosen edition with its validated data and, for Markdown records, its body.
 */
import fs from 'node:fs';
import { collectionNames, type CollectionName } from '../../schemas/layout.ts';
import type { Diagnostic } from './diagnostic.ts';
import { type Edition, inEdition } from './edition.ts';
import { splitFrontmatter } from './parse-record.ts';
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
  if (errors.length > 0)
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
  for (const name of ['lessons', 'action-notes'] as const) {
    for (const record of content[name]) {
      record.body =
        splitFrontmatter(fs.readFileSync(record.absolute, 'utf8').replace(/^\uFEFF/, ''))?.body ??
        '';
    }
  }
  for (const name of collectionNames)
    content[name].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { content, warnings: result.diagnostics };
}
