/**
 * Reads a submitted issue form back into answers for build-record.ts. GitHub writes a submitted
 * form as Markdown: for each element, in the form's order, a line `### <label>`, a blank line and
 * the answer (`_No response_` when empty; dropdown choices joined by ", "; checkboxes as
 * `- [X] label` lines). A line starts the next field only when it is exactly the heading of a
 * field that comes later in the form, so answers may contain `###` (even `### Summary` in a
 * later section) without being cut. Keys are the form's element ids — the schema's field names.
 * Dropdowns come back as the chosen labels ("Name (id)"), checkboxes as the ticked labels;
 * organisations as ids; the assurance-return slots become the `returns` list.
 *
 * (@github/issue-parser was tried first; it cuts an answer at any "###" inside a line, silently
 * losing the rest, so the project reads the body itself.)
 */
import { parse } from 'yaml';
import type { Answers } from '../records/build-record.ts';
import { NO_RETURN, ORGANISATION_FIELDS, type FormKind } from './issue-form.ts';

/** Issue bodies larger than this are refused before parsing (GitHub's own limit is 65,536 characters). */
export const MAX_BODY = 65_536;

interface FormField {
  id: string;
  type: 'input' | 'textarea' | 'dropdown' | 'checkboxes';
  label: string;
}

/** What GitHub writes for a field left empty ("None" only for a dropdown: typed text "None" is an answer). */
const EMPTY = new Set(['_no response_', '']);

export function formFields(formYaml: string): FormField[] {
  const form = parse(formYaml) as {
    body?: { type: string; id?: string; attributes?: { label?: string } }[];
  };
  return (form.body ?? [])
    .filter((e) => e.type !== 'markdown' && e.id && e.attributes?.label)
    .map((e) => ({ id: e.id!, type: e.type as FormField['type'], label: e.attributes!.label! }));
}

/** The raw text of each field, by id, as GitHub wrote it. */
export function splitIssueBody(body: string, fields: readonly FormField[]): Map<string, string> {
  const out = new Map<string, string>();
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let current = -1;
  let buffer: string[] = [];
  const flush = () => {
    if (current >= 0) out.set(fields[current]!.id, buffer.join('\n').trim());
  };
  for (const line of lines) {
    const heading = /^### (.+?)\s*$/.exec(line)?.[1];
    const next =
      heading === undefined ? -1 : fields.findIndex((f, i) => i > current && f.label === heading);
    if (next >= 0) {
      flush();
      current = next;
      buffer = [];
    } else if (current >= 0) buffer.push(line);
  }
  flush();
  return out;
}

/** Organisation ids from dropdown labels "Name (id), Name (id)": the id closes each label. */
function organisationIds(text: string, multiple: boolean): unknown {
  const ids = [...text.matchAll(/\(([a-z0-9]+(?:-[a-z0-9]+)*)\)(?=,|$)/g)].map((m) => m[1]!);
  if (ids.length === 0) return text;
  return multiple ? ids : ids.length === 1 ? ids[0] : text;
}

function answerOf(field: FormField, raw: string): unknown {
  if (EMPTY.has(raw.toLowerCase()) || (field.type === 'dropdown' && raw === 'None'))
    return undefined;
  switch (field.type) {
    case 'checkboxes': {
      const ticked = raw
        .split('\n')
        .map((l) => /^\s*-\s\[[xX]\]\s(.*)$/.exec(l)?.[1]?.trim())
        .filter((l): l is string => l !== undefined);
      return ticked.length ? ticked : undefined;
    }
    case 'dropdown':
      return ORGANISATION_FIELDS.has(field.id)
        ? organisationIds(raw, field.id === 'organisations')
        : raw;
    default:
      return raw;
  }
}

export function answersFromIssue(kind: FormKind, body: string, formYaml: string): Answers {
  const fields = formFields(formYaml);
  const raw = splitIssueBody(body, fields);
  const answers: Answers = {};
  for (const field of fields) {
    const text = raw.get(field.id);
    if (text !== undefined) answers[field.id] = answerOf(field, text);
  }
  if (kind === 'assurance-return') {
    const returns: Answers[] = [];
    for (const field of fields) {
      const slot = /^R([1-9]\d*)-state$/.exec(field.id)?.[1];
      if (!slot) continue;
      const state = answers[field.id];
      const evidence = answers[`R${slot}-evidence`];
      delete answers[field.id];
      delete answers[`R${slot}-evidence`];
      if (state === undefined || state === NO_RETURN) continue;
      returns.push({ recommendation: `R${slot}`, state, evidence });
    }
    answers.returns = returns;
  }
  return answers;
}
