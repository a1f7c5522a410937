/**
 * Imports lessons from a CSV file exported from another system. The header names the columns
 * (lesson-columns.ts: `kind`, the lesson fields and each kind's body sections, derived from the
 * schema). Lists in a cell are separated by semicolons, commas or new lines. Every row is built
 * into a record and checked in memory by the validator against the whole content root — nothing
 * is written while checking — and the files are written only when no row has an error, all
 * together (publish-files.ts). Problems are reported as `file.csv:line:column` of the row and
 * the cell they came from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lessonKinds } from '../../../schemas/vocabularies.ts';
import { startsLikeFormula } from '../csv-formula.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { buildRecord, termOf, type Answers } from '../records/build-record.ts';
import { fieldAtLine, fieldInMessage } from '../records/field-at-line.ts';
import { RecordIdError, recordPath } from '../records/record-id.ts';
import { recordKinds, sectionKey, type RecordKind } from '../records/record-kinds.ts';
import { recordText } from '../records/write-record.ts';
import { validateContent } from '../validate-content.ts';
import { knownHeaders, normalHeader } from './lesson-columns.ts';
import {
  PublishConflictError,
  publishFiles,
  recoverImports,
  type NewFile,
} from './publish-files.ts';
import { readCsv } from './read-csv.ts';

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
  /** What was done about earlier imports into the root whose process died. */
  recovered: string[];
}

export interface ImportOptions {
  check?: boolean;
  /** Progress: rows turned into records so far, of how many. */
  onRow?: (done: number, total: number) => void;
  /** Progress of the validation of the new files with the whole content root. */
  onChecked?: (done: number, total: number) => void;
  /** Progress of the files put into the content root. */
  onWritten?: (done: number, total: number) => void;
  /** Called when writing starts: from then on, `signal` undoes the writing instead of exiting. */
  onWriting?: () => void;
  /** Aborting it while the files are written leaves the content root as it was. */
  signal?: AbortSignal;
}

const KIND_OF: Record<string, RecordKind> = {
  'lesson-identified': 'lesson',
  'notable-practice': 'notable-practice',
};

interface Candidate extends NewFile {
  /** The CSV line the row starts on. */
  line: number;
}

export async function importLessons(
  csvPath: string,
  root: string,
  cwd: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const recovered = recoverImports(root);
  const problems: ImportProblem[] = [];
  const fail = (line: number, column: number, rule: string, message: string) =>
    problems.push({ line, column, severity: 'error', rule, message });
  const result = (rows: number, written: string[] = []): ImportResult => {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    return { problems, written, rows, recovered };
  };

  const read = readCsv(csvPath);
  if ('problem' in read) {
    const p = read.problem;
    fail(p.line, p.column, p.rule, p.message);
    return result(0);
  }
  const { header, rows } = read;
  const known = knownHeaders();
  const keys: string[] = [];
  const columnOf = new Map<string, number>();
  header.forEach((h, i) => {
    const key = known.get(normalHeader(h));
    keys.push(key ?? '');
    if (!key)
      fail(
        1,
        i + 1,
        'csv/unknown-column',
        `Unknown column "${h}", expected one of ${[...new Set(known.values())].join(', ')} (npm run import -- --help lists them)`,
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
  if (problems.length) return result(rows.length);

  const candidates: Candidate[] = [];
  const byFile = new Map<string, Candidate>();
  for (const [index, { line, cells }] of rows.entries()) {
    options.onRow?.(index + 1, rows.length);
    const answers: Answers = {};
    cells.forEach((value, i) => {
      answers[keys[i]!] = value;
      if (startsLikeFormula(value))
        problems.push({
          line,
          column: i + 1,
          severity: 'warning',
          rule: 'csv/formula',
          message: `Cell starts with ${JSON.stringify(value[0])}, which a spreadsheet runs as a formula; it is imported as text, expected text that does not start with = + - @, a tab or a carriage return (check the cell is what was meant)`,
        });
    });
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
      const candidate = { file, text: recordText(built.collection, built.data, built.body), line };
      byFile.set(file, candidate);
      candidates.push(candidate);
    } catch (error) {
      if (!(error instanceof RecordIdError)) throw error;
      fail(line, columnOf.get('date') ?? 1, 'csv/id', error.message);
    }
  }
  if (candidates.length === 0) return result(rows.length);

  // The validator checks the records in memory, as if they were in the root; nothing is written.
  const { diagnostics } = await validateContent({
    root,
    cwd,
    paths: candidates.map((c) => c.file),
    unwritten: new Map(candidates.map((c) => [c.file, Buffer.from(c.text)])),
    onChecked: options.onChecked,
  });
  for (const d of diagnostics) problems.push(toProblem(d, byFile, columnOf, cwd));
  if (options.check || problems.some((p) => p.severity === 'error')) return result(rows.length);

  options.onWriting?.();
  try {
    await publishFiles(root, candidates, { signal: options.signal, onLinked: options.onWritten });
  } catch (error) {
    if (!(error instanceof PublishConflictError)) throw error;
    fail(
      byFile.get(error.file)!.line,
      columnOf.get('title') ?? 1,
      'csv/exists',
      `${path.relative(cwd, error.file)} was created while the import ran; this import only adds new lessons`,
    );
    return result(rows.length);
  }
  return result(
    rows.length,
    candidates.map((c) => c.file),
  );
}

/** A validator finding on a new record, at the CSV row and the column its field came from. */
function toProblem(
  d: Diagnostic,
  byFile: Map<string, Candidate>,
  columnOf: Map<string, number>,
  cwd: string,
): ImportProblem {
  const candidate = byFile.get(path.resolve(cwd, d.file));
  if (!candidate)
    return {
      line: 1,
      column: 1,
      severity: d.severity,
      rule: d.rule,
      message: `${d.file}:${d.line}:${d.column}: ${d.message}`,
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
