/**
 * The tiny common interface of every check. A file check sees one parsed record; a
 * repository check sees the summaries of all records. Checks report; they never throw or stop
 * the run, so one run collects every problem in every file.
 */
import type { Root as MdastRoot } from 'mdast';
import type { CollectionSpec } from '../../../schemas/collections.ts';
import type { CollectionName } from '../../../schemas/layout.ts';
import type { RuleId } from '../../../schemas/rule-ids.ts';
import type { BodyLink } from '../body-links.ts';
import type { Severity } from '../diagnostic.ts';
import type { RecordFile } from '../discover.ts';
import type { ParsedRecord } from '../parse-record.ts';

export interface Where {
  /** Dotted path of a field or list item; positions resolve to the value (or the key). */
  path?: (string | number)[];
  atKey?: boolean;
  /** Text found inside the value at `path`: reported where it is written, when it is there. */
  text?: string;
  /** Explicit position (overrides path). Line 0 means the file as a whole. */
  line?: number;
  column?: number;
}

export interface FileInput {
  record: RecordFile;
  spec: CollectionSpec;
  text: string;
  parsed: ParsedRecord;
  /** The schema's output (defaults applied) when the record matched its schema. */
  valid?: Record<string, unknown>;
  /** The Markdown body's tree, once the body check has parsed it (rendering reuses it). */
  bodyTree?: MdastRoot;
  /** The body's links that could lead to a page of the site (set by the body check). */
  bodyLinks?: BodyLink[];
}

export type FileReport = (
  where: Where,
  rule: RuleId,
  message: string,
  extra?: { severity?: Severity; email?: string },
) => void;

export interface FileCheck {
  id: string;
  run(input: FileInput, report: FileReport): void | Promise<void>;
}

/** What repository checks know of a record: its data and where each value sits. */
export interface RecordSummary {
  file: string;
  collection: CollectionName;
  id: string;
  /** Schema output when valid, else the raw data (or {} when it did not parse). */
  data: Record<string, unknown>;
  valid: boolean;
  /** For lessons: the distinctive words of title and summary (for the duplicate check). */
  tokens?: string[];
  /** For Markdown records, when the site asked for it: the body as safe HTML. */
  html?: string;
  /** For Markdown records: the body's links that could lead to a page of the site, as written. */
  links?: BodyLink[];
}

export interface Repository {
  records: Record<CollectionName, Map<string, RecordSummary>>;
  /** In PR mode, the files being checked; undefined for a full run. */
  changed?: ReadonlySet<string>;
}

export type RepoReport = (
  record: RecordSummary,
  where: Where,
  rule: RuleId,
  message: string,
  extra?: { severity?: Severity; target?: RecordSummary },
) => void;

export interface RepositoryCheck {
  id: string;
  run(repo: Repository, report: RepoReport): void;
}

/** Ids held by a reference field: one id or a list of ids. */
export function idsIn(value: unknown): { id: string; index?: number }[] {
  if (typeof value === 'string') return [{ id: value }];
  if (Array.isArray(value))
    return value.flatMap((v, index) => (typeof v === 'string' ? [{ id: v, index }] : []));
  return [];
}

export { isPublicRecord } from '../edition.ts';
