/**
 * Makes one new record from answers: builds it, checks it with the real validator against the
 * whole content root, and keeps the file only when it has no error. When it has errors, its text
 * is saved as a draft outside the content root so nothing typed is lost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.ts';
import { buildRecord, type Answers, type BuiltRecord } from '../records/build-record.ts';
import { checkCandidates } from '../records/check-candidates.ts';
import { recordPath } from '../records/record-id.ts';
import type { RecordKind } from '../records/record-kinds.ts';
import { recordText } from '../records/write-record.ts';

export interface NewRecordResult {
  record: BuiltRecord;
  file: string;
  text: string;
  diagnostics: Diagnostic[];
  written: boolean;
  /** Where the text was saved when it was not written. */
  draft?: string;
}

export async function newRecord(
  kind: RecordKind,
  answers: Answers,
  root: string,
  cwd: string,
): Promise<NewRecordResult> {
  const record = buildRecord(kind, answers, root);
  const file = recordPath(root, record.collection, record.id);
  const text = recordText(record.collection, record.data, record.body);
  const { diagnostics, kept } = await checkCandidates(root, cwd, [{ file, text }], { keep: true });
  const result: NewRecordResult = { record, file, text, diagnostics, written: kept };
  if (!kept) {
    result.draft = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'jol-draft-')),
      path.basename(file),
    );
    fs.writeFileSync(result.draft, text);
  }
  return result;
}
