/**
 * A submitted issue form → the record file a pull request would add, checked by the real
 * validator in PR mode against the whole content root (references, duplicates, personal data).
 * The candidate file is written into the content root only for the check and removed after it.
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
import { recordText } from '../records/write-record.ts';
import { validateContent } from '../validate-content.ts';

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

/** The top-level field (or `## section`) a line of the generated file belongs to. */
export function fieldAtLine(text: string, line: number, collection: CollectionName): string | undefined {
  const lines = text.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const l = lines[i]!;
    const heading = /^## (.+)$/.exec(l);
    if (heading) return heading[1]!.trim();
    const key = /^([a-z_]+):/.exec(l);
    if (key) return collection === 'assurance' && key[1] === 'returns' ? returnsSlot(lines, i, line) : labelOf(key[1]!);
    if (l === '---' && i > 0) return undefined;
  }
  return undefined;
}

/** Within `returns:`, the recommendation slot ("R2 state") a line belongs to. */
function returnsSlot(lines: string[], start: number, line: number): string {
  for (let i = line - 1; i > start; i--) {
    const m = /recommendation: (R\d+)/.exec(lines[i]!);
    if (m) return `${m[1]} ${/evidence:/.test(lines[line - 1] ?? '') ? 'evidence' : 'state'}`;
  }
  return 'Returns';
}

function fieldOfDiagnostic(d: Diagnostic, text: string, collection: CollectionName): string | undefined {
  const missing = /^Missing (?:required field "([a-z_]+)"|([a-z_]+):)/.exec(d.message);
  if (missing) return labelOf(missing[1] ?? missing[2]!);
  return d.line > 0 ? fieldAtLine(text, d.line, collection) : undefined;
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
  const empty = (problem: SubmissionProblem): PreparedSubmission => ({ problems: [problem], duplicates: [] });
  if (options.body.length > MAX_BODY) {
    return empty({ severity: 'error', rule: 'form/too-large', message: `The issue text is ${options.body.length.toLocaleString('en-GB')} characters long; the most the bot reads is ${MAX_BODY.toLocaleString('en-GB')}. Shorten the longest answers.` });
  }
  const answers = answersFromIssue(kind, options.body, options.formYaml);
  for (const field of AUTOFILLED[kind] ?? []) if (answers[field] === undefined) answers[field] = today();
  let record: BuiltRecord;
  try {
    record = buildRecord(kind, answers, root);
  } catch (error) {
    if (error instanceof RecordIdError) {
      const field = spec.collection === 'assurance' ? undefined : spec.collection === 'events' ? 'Start' : spec.collection === 'action-notes' ? 'Issued' : 'Date';
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
  let diagnostics: Diagnostic[];
  const createdFolder = fs.existsSync(path.dirname(file)) ? undefined : path.dirname(file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { flag: 'wx' });
  try {
    ({ diagnostics } = await validateContent({ root, cwd, paths: [file], cache: false, workers: 0 }));
  } finally {
    fs.rmSync(file, { force: true });
    if (createdFolder && fs.readdirSync(createdFolder).length === 0) fs.rmdirSync(createdFolder);
  }
  const mine = diagnostics.filter((d) => d.file === repoPath);
  const problems: SubmissionProblem[] = mine.map((d) => ({
    field: fieldOfDiagnostic(d, text, record.collection),
    severity: d.severity,
    rule: d.rule,
    message: d.message,
  }));
  const duplicates = mine
    .filter((d) => d.rule === 'duplicates/similar-lesson' && d.target)
    .map((d) => ({ id: path.basename(d.target!).replace(/\.md$/, ''), file: d.target!, message: d.message }));
  return { record, text, repoPath, problems, duplicates };
}
