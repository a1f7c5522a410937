/**
 * Reads a submitted issue form back into answers for build-record.ts: the issue body (Markdown
 * written by GitHub: `### Label`, then the answer) is parsed with @github/issue-parser against
 * the generated form, so keys are the form's element ids, which are the schema's field names.
 * Dropdowns come back as the chosen labels ("Name (id)"), checkboxes as the ticked labels; the
 * assurance-return slots become the `returns` list.
 */
import { parseIssue } from '@github/issue-parser';
import type { Answers } from '../records/build-record.ts';
import { NO_RETURN, ORGANISATION_FIELDS, type FormKind } from './issue-form.ts';

/** Issue bodies larger than this are refused before parsing (GitHub's own limit is 65,536 characters). */
export const MAX_BODY = 65_536;

type Parsed = ReturnType<typeof parseIssue>;

function answerOf(value: Parsed[string]): unknown {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  // A dropdown: the labels the person chose, split by GitHub's ", " (names may hold commas: rejoin).
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.join(', ');
  // Checkboxes.
  return value.selected.length === 0 ? undefined : value.selected;
}

/** Organisation ids from dropdown labels "Name (id), Name (id)": the id closes each label. */
function organisationIds(text: string, multiple: boolean): unknown {
  if (text === '') return undefined;
  const ids = [...text.matchAll(/\(([a-z0-9]+(?:-[a-z0-9]+)*)\)(?=,|$)/g)].map((m) => m[1]!);
  if (ids.length === 0) return text;
  return multiple ? ids : ids.length === 1 ? ids[0] : text;
}

export function answersFromIssue(kind: FormKind, body: string, formYaml: string): Answers {
  const parsed = parseIssue(body, formYaml);
  const answers: Answers = {};
  for (const [key, value] of Object.entries(parsed)) {
    answers[key] = answerOf(value);
    if (ORGANISATION_FIELDS.has(key) && Array.isArray(value)) answers[key] = organisationIds(value.join(', '), key === 'organisations');
  }
  if (kind === 'assurance-return') {
    const returns: Answers[] = [];
    const slots = Object.keys(parsed)
      .map((k) => /^R([1-9]\d*)-state$/.exec(k)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    for (const i of slots) {
      const state = answers[`R${i}-state`];
      const evidence = answers[`R${i}-evidence`];
      delete answers[`R${i}-state`];
      delete answers[`R${i}-evidence`];
      if (state === undefined || state === NO_RETURN) continue;
      returns.push({ recommendation: `R${i}`, state, evidence });
    }
    answers.returns = returns;
  }
  return answers;
}
