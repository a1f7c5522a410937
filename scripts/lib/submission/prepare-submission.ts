/**
 * A submitted issue form → the record file a pull request would add, checked by the real
 * validator in PR mode against the whole content root (references, duplicates, personal data).
 * The candidate file is written into the content root only for the check and removed after it
 * (records/check-candidates.ts).
 * Every problem is returned, each named by the form field it came from.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CollectionName } from '../../../schemas/layout.ts';
import { today } from '../../../schemas/today.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { AUTOFILLED, labelOf, type FormKind } from '../forms/issue-form.ts';
import { answersFromIssue, MAX_BODY } from '../forms/read-form.ts';
import { buildRecord, type BuiltRecord } from '../records/build-record.ts';
import { RecordIdError, recordPath } from '../records/record-id.ts';
import { recordKinds } from '../records/record-kinds.ts';
import { checkCandidates } from '../records/check-candidates.ts';
import { fieldAtLine, fieldInMessage } from '../records/field-at-line.ts';
import { recordText } from '../records/write-record.ts';

export interface SubmissionProblem {
  /** The form field (its label) the problem is in, when known. */
  field?: string;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

export interface PreparedSubmission {
  record?: BuiltRecord;
  /** The file's text, when a record could be built. */
  text?: string;
  /** Repository-relative path (forward slashes), e.g. content/lessons/<id>.md. */
  repoPath?: string;
  problems: SubmissionProblem[];
  /** Warnings with the record they point at (likely duplicates). */
  duplicates: { id: string; file: string; message: string }[];
}

/** The form field a finding is about: its label, a section heading, or an assurance slot ("R2 state"). */
function fieldOfDiagnostic(
  d: Diagnostic,
  text: string,
  collection: CollectionName,
): string | undefined {
  const missing = fieldInMessage(d.message);
  if (missing) return labelOf(missing);
  if (d.line <= 0) return undefined;
  const at = fieldAtLine(text, d.line);
  if (at.section) return at.section;
  if (!at.key) return undefined;
  if (collection === 'assurance' && at.key === 'returns' && at.item !== undefined) {
    const recommendation = /recommendation: (R\d+)/.exec(
      text.split('\n').filter((l) => /^ {2}- /.test(l))[at.item] ?? '',
    )?.[1];
    if (recommendation)
      return `${recommendation} ${/evidence:/.test(text.split('\n')[d.line - 1] ?? '') ? 'evidence' : 'state'}`;
  }
  return labelOf(at.key);
}

export interface PrepareOptions {
  kind: FormKind;
  body: string;
  formYaml: string;
  /** Content root and the working directory the validator reports paths against (the repository root). */
  root: string;
  cwd: string;
}

export async function prepareSubmission(options: PrepareOptions): Promise<PreparedSubmission> {
  const { kind, root, cwd } = options;
  const spec = recordKinds[kind];
  const empty = (problem: SubmissionProblem): PreparedSubmission => ({
    problems: [problem],
    duplicates: [],
  });
  if (options.body.length > MAX_BODY) {
    return empty({
      severity: 'error',
      rule: 'form/too-large',
      message: `The issue text is ${options.body.length.toLocaleString('en-GB')} characters long; the most the bot reads is ${MAX_BODY.toLocaleString('en-GB')}. Shorten the longest answers.`,
    });
  }
  const answers = answersFromIssue(kind, options.body, options.formYaml);
  for (const field of AUTOFILLED[kind] ?? [])
    if (answers[field] === undefined) answers[field] = today();
  let record: BuiltRecord;
  try {
    record = buildRecord(kind, answers, root);
  } catch (error) {
    if (error instanceof RecordIdError) {
      const field =
        spec.collection === 'assurance'
          ? undefined
          : spec.collection === 'events'
            ? 'Start'
            : spec.collection === 'action-notes'
              ? 'Issued'
              : 'Date';
      return empty({ field, severity: 'error', rule: 'form/file-name', message: error.message });
    }
    throw error;
  }
  const file = recordPath(root, record.collection, record.id);
  const repoPath = path.relative(cwd, file).split(path.sep).join('/');
  const text = recordText(record.collection, record.data, record.body);
  if (fs.existsSync(file)) {
    return {
      record,
      text,
      repoPath,
      duplicates: [],
      problems: [
        {
          field: spec.collection === 'assurance' ? 'Organisation' : 'Title',
          severity: 'error',
          rule: 'form/exists',
          message: `${repoPath} already exists on the main branch; ${spec.collection === 'assurance' ? 'to change a return, edit that file in a pull request' : 'choose a different title (or date) so that the id differs, or ask the central team to update the existing record'}`,
        },
      ],
    };
  }
  const { diagnostics } = await checkCandidates(root, cwd, [{ file, text }], { keep: false });
  const mine = diagnostics.filter((d) => d.file === repoPath);
  const problems: SubmissionProblem[] = mine.map((d) => ({
    field: fieldOfDiagnostic(d, text, record.collection),
    severity: d.severity,
    rule: d.rule,
    message: d.message,
  }));
  const duplicates = mine
    .filter((d) => d.rule === 'duplicates/similar-lesson' && d.target)
    .map((d) => ({
      id: path.basename(d.target!).replace(/\.md$/, ''),
      file: d.target!,
      message: d.message,
    }));
  return { record, text, repoPath, problems, duplicates };
}
