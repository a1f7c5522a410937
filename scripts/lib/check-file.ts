/** Runs every file check on one record file and returns its problems and its summary. */
import { collections } from '../../schemas/collections.ts';
import type { RuleId } from '../../schemas/rule-ids.ts';
import { extractBodyLinks, mayHoldLinks } from './body-links.ts';
import { fileChecks } from './checks/file-checks.ts';
import type { FileInput, RecordSummary, Where } from './checks/types.ts';
import type { Diagnostic, Severity } from './diagnostic.ts';
import type { RecordFile } from './discover.ts';
import { locate, parseRecord, type Position } from './parse-record.ts';
import { decodeRecord } from './read-text.ts';
import { parseBody } from './remark/processor.ts';
import { lessonTokens } from './similarity.ts';

export interface FileResult {
  diagnostics: Diagnostic[];
  summary: RecordSummary;
}

/**
 * `summaryOnly` parses the record for repository checks and skips the file checks
 * (PR mode uses it for files outside the change that are not in the cache). `render` also
 * turns a Markdown body into the site's HTML, so that the site build renders in these worker
 * threads and keeps the HTML in the cache with the rest of the result.
 */
export async function checkFile(
  record: RecordFile,
  bytes: Uint8Array,
  summaryOnly = false,
  render = false,
): Promise<FileResult> {
  const spec = collections[record.collection];
  const diagnostics: Diagnostic[] = [];
  const summary: RecordSummary = {
    file: record.file,
    collection: record.collection,
    id: record.id,
    data: {},
    valid: false,
  };
  const push = (
    line: number,
    column: number,
    rule: RuleId,
    message: string,
    severity: Severity = 'error',
    email?: string,
  ) => {
    const d: Diagnostic = { file: record.file, line, column, severity, rule, message };
    if (email) d.email = email;
    diagnostics.push(d);
  };
  const decoded = decodeRecord(bytes);
  if ('problem' in decoded) {
    const p = decoded.problem;
    push(p.line, p.column, p.rule, p.message);
    return { diagnostics, summary };
  }
  const parsed = parseRecord(decoded.text, spec.extension === '.md' ? 'markdown' : 'yaml');
  for (const p of parsed.problems) push(p.line, p.column, p.rule, p.message);
  summary.data = parsed.data ?? {};
  if (summaryOnly) {
    // The repository checks follow body links too (a record made non-public in a change).
    if (parsed.body !== undefined && mayHoldLinks(parsed.body)) {
      const links = extractBodyLinks(parseBody(parsed.body), (parsed.bodyLine ?? 1) - 1);
      if (links.length > 0) summary.links = links;
    }
    return { diagnostics: [], summary };
  }
  const input: FileInput = { record, spec, text: decoded.text, parsed };
  const report = (
    where: Where,
    rule: RuleId,
    message: string,
    extra?: { severity?: Severity; email?: string },
  ) => {
    let at: Position;
    if (where.line !== undefined) at = [where.line, where.column ?? (where.line === 0 ? 0 : 1)];
    else
      at =
        (where.text !== undefined ? parsed.locateText(where.path ?? [], where.text) : undefined) ??
        locate(parsed.positions(), where.path ?? [], where.atKey);
    push(at[0], at[1], rule, message, extra?.severity, extra?.email);
  };
  for (const check of fileChecks) await check.run(input, report);
  if (input.valid) {
    summary.data = input.valid;
    summary.valid = true;
  }
  if (input.bodyLinks?.length) summary.links = input.bodyLinks;
  if (record.collection === 'lessons') summary.tokens = [...lessonTokens(summary.data)];
  if (render && parsed.body !== undefined) {
    const { renderMarkdown, renderTree } = await import('./render-html.ts');
    summary.html = input.bodyTree ? renderTree(input.bodyTree) : renderMarkdown(parsed.body);
  }
  return { diagnostics, summary };
}
