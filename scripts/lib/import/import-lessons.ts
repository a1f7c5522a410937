/**
 * Imports lessons from a CSV file exported from another system. The header names the columns:
 * `kind` (lesson-identified or notable-practice, or their names), the lesson fields (title,
 * summary, date, …; snake_case, kebab-case or with spaces, any case) and the body sections
 * ("What happened", … or what_happened). Lists in a cell are separated by semicolons, commas or
 * new lines. Every row is built and checked by the validator against the whole content root;
 * the files are written only when no row has an error. Problems are reported as
 * `file.csv:line:column` of the row and the cell they came from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { lessonSections } from '../../../schemas/layout.ts';
import { lessonKinds } from '../../../schemas/vocabularies.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { buildRecord, termOf, type Answers } from '../records/build-record.ts';
import { checkCandidates, type Candidate } from '../records/check-candidates.ts';
import { fieldAtLine, fieldInMessage } from '../records/field-at-line.ts';
import { fieldsFor } from '../records/field-spec.ts';
import { RecordIdError, recordPath } from '../records/record-id.ts';
import { recordKinds, sectionKey, type RecordKind } from '../records/record-kinds.ts';
import { recordText } from '../records/write-record.ts';

export interface ImportProblem {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  rule: string;
}

export interface ImportResult {
  problems: ImportProblem[];
  /** Files written (empty when any row has an error, or with check only). */
  written: string[];
  rows: number;
}

const KIND_OF: Record<string, RecordKind> = {
  'lesson-identified': 'lesson',
  'notable-practice': 'notable-practice',
};

const normal = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Every column a lesson CSV may have, by normalised header: field names and section keys. */
function knownColumns(): Map<string, string> {
  const known = new Map<string, string>([['kind', 'kind']]);
  for (const kind of ['lesson', 'notable-practice'] as const)
    for (const f of fieldsFor(kind)) known.set(normal(f.name), f.name);
  for (const sections of Object.values(lessonSections))
    for (const s of sections) known.set(normal(s), sectionKey(s));
  return known;
}

export async function importLessons(
  csvPath: string,
  root: string,
  cwd: string,
  options: {
    check?: boolean;
    /** Progress: rows turned into records so far, of how many. */
    onRow?: (done: number, total: number) => void;
    /** Progress of the validation of the new files with the whole content root. */
    onChecked?: (done: number, total: number) => void;
  } = {},
): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  const fail = (line: number, column: number, rule: string, message: string) =>
    problems.push({ line, column, severity: 'error', rule, message });
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let header: string[] = [];
  try {
    records = parse(fs.readFileSync(csvPath), {
      bom: true,
      columns: (h: string[]) => (header = h),
      info: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    fail(e.lines ?? 1, 1, 'csv/syntax', `The file is not valid CSV: ${e.message}`);
    return { problems, written: [], rows: 0 };
  }
  const known = knownColumns();
  const columnOf = new Map<string, number>();
  header.forEach((h, i) => {
    const key = known.get(normal(h));
    if (!key)
      fail(
        1,
        i + 1,
        'csv/unknown-column',
        `Unknown column "${h}", expected one of ${[...new Set(known.keys())].join(', ')}`,
      );
    else if (columnOf.has(key))
      fail(1, i + 1, 'csv/duplicate-column', `Column "${h}" repeats column ${columnOf.get(key)}`);
    else columnOf.set(key, i + 1);
  });
  if (!columnOf.has('kind'))
    fail(
      1,
      1,
      'csv/missing-column',
      'Missing the column "kind" (lesson-identified or notable-practice)',
    );
  if (problems.length) return { problems, written: [], rows: records.length };

  const candidates: (Candidate & { line: number })[] = [];
  const byFile = new Map<string, { line: number; text: string }>();
  for (const [index, { record: row, info }] of records.entries()) {
    options.onRow?.(index + 1, records.length);
    const line = info.lines - (Object.values(row).join('').split('\n').length - 1);
    const answers: Answers = {};
    for (const [h, value] of Object.entries(row)) answers[known.get(normal(h))!] = value;
    const kind = KIND_OF[termOf(String(answers.kind ?? ''), lessonKinds)];
    if (!kind) {
      fail(
        line,
        columnOf.get('kind')!,
        'csv/kind',
        `Unexpected kind "${String(answers.kind ?? '')}", expected lesson-identified or notable-practice`,
      );
      continue;
    }
    for (const s of recordKinds[kind === 'lesson' ? 'notable-practice' : 'lesson'].sections) {
      if (String(answers[sectionKey(s)] ?? '').trim() !== '')
        fail(
          line,
          columnOf.get(sectionKey(s))!,
          'csv/section',
          `The section "${s}" is for the other kind; this row is a ${kind === 'lesson' ? 'lesson identified' : 'notable practice'}`,
        );
    }
    try {
      const built = buildRecord(kind, answers, root);
      const file = recordPath(root, built.collection, built.id);
      const earlier = byFile.get(file);
      if (earlier) {
        fail(
          line,
          columnOf.get('title') ?? 1,
          'csv/duplicate-id',
          `This row makes the same file as line ${earlier.line} (${built.id}); change the title or date of one of them`,
        );
        continue;
      }
      if (fs.existsSync(file)) {
        fail(
          line,
          columnOf.get('title') ?? 1,
          'csv/exists',
          `A lesson with the id ${built.id} already exists; this import only adds new lessons`,
        );
        continue;
      }
      const text = recordText(built.collection, built.data, built.body);
      byFile.set(file, { line, text });
      candidates.push({ file, text, line });
    } catch (error) {
      if (!(error instanceof RecordIdError)) throw error;
      fail(line, columnOf.get('date') ?? 1, 'csv/id', error.message);
    }
  }
  if (candidates.length === 0) return { problems, written: [], rows: records.length };
  const { diagnostics, kept } = await checkCandidates(root, cwd, candidates, {
    keep: !options.check && problems.length === 0,
    onChecked: options.onChecked,
  });
  for (const d of diagnostics) problems.push(toProblem(d, candidates, columnOf, cwd));
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { problems, written: kept ? candidates.map((c) => c.file) : [], rows: records.length };
}

function toProblem(
  d: Diagnostic,
  candidates: readonly (Candidate & { line: number })[],
  columnOf: Map<string, number>,
  cwd: string,
): ImportProblem {
  const candidate = candidates.find((c) => c.file === path.resolve(cwd, d.file));
  if (!candidate)
    return {
      line: 1,
      column: 1,
      severity: d.severity,
      rule: d.rule,
      message: `${d.file}: ${d.message}`,
    };
  const at = d.line > 0 ? fieldAtLine(candidate.text, d.line) : {};
  const key =
    fieldInMessage(d.message) ?? at.key ?? (at.section ? sectionKey(at.section) : undefined);
  return {
    line: candidate.line,
    column: (key && columnOf.get(key)) || 1,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
  };
}
