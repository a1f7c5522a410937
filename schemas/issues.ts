/**
 * Turns zod issues into messages a SPOC can act on — what was found, what was expected —
 * each with a rule id. Used by the validator and by anything else that parses records.
 */
import type { z } from 'zod';

export interface FieldProblem {
  /** Path to the value (or, for unknown keys, to the key itself). */
  path: (string | number)[];
  /** True when the position is the key, not its value (unknown keys). */
  atKey?: boolean;
  rule: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

/** How a found value is shown in messages: quoted text (shortened), "a list", "number 3" … */
export function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (typeof input === 'string') return `"${input.length > 60 ? `${input.slice(0, 57)}…` : input}"`;
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input} ${String(input)}`;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  number: 'a number',
};

/** Distance for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The closest allowed value, when one is close enough to be a likely typo. */
export function closest(value: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(value, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 5))
    ? best
    : undefined;
}

function fieldName(path: readonly PropertyKey[]): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  return names.length ? names[names.length - 1]! : 'value';
}

function listOf(values: readonly unknown[], limit = 14): string {
  const shown = values.map(String);
  return shown.length <= limit
    ? shown.join(', ')
    : `${shown.slice(0, 6).join(', ')} … (${shown.length} values; see schemas/vocabularies)`;
}

/** Whether zod's message was written by one of our field factories (kept as is). */
function isOwnMessage(issue: Issue): boolean {
  return (
    issue.code === 'custom' ||
    (!issue.message.startsWith('Invalid') &&
      !issue.message.startsWith('Too ') &&
      !issue.message.startsWith('Unrecognized'))
  );
}

export function describeIssue(issue: Issue, knownKeys: readonly string[] = []): FieldProblem[] {
  const field = fieldName(issue.path);
  return describe(issue, knownKeys, field).map((p) => ({
    ...p,
    message: p.message.replaceAll('{field}', field),
  }));
}

function describe(issue: Issue, knownKeys: readonly string[], field: string): FieldProblem[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  // With reportInput, an absent field has no input: whatever the schema expected, it is missing.
  if (issue.input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom') {
    return [{ path, rule: 'schema/required', message: `Missing required field "${field}"` }];
  }
  const inItem = typeof issue.path[issue.path.length - 1] === 'number';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const guess = closest(key, knownKeys);
        return {
          path: [...path, key],
          atKey: true,
          rule: 'schema/unknown-key',
          message: `Unknown field "${key}"${knownKeys.length ? `, expected one of ${listOf(knownKeys, 100)}` : ''}${guess ? ` (did you mean "${guess}"?)` : ''}`,
        };
      });
    case 'invalid_value': {
      const value = issue.input;
      const guess =
        typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
      return [
        {
          path,
          rule: 'schema/enum',
          message: `${inItem ? `Unexpected value ${describeFound(value)} in ${field}` : `Unexpected ${field} ${describeFound(value)}`}, expected one of ${listOf(issue.values)}${guess ? ` (did you mean "${guess}"?)` : ''}`,
        },
      ];
    }
    case 'invalid_type': {
      if (isOwnMessage(issue)) return [{ path, rule: 'schema/type', message: issue.message }];
      return [
        {
          path,
          rule: 'schema/type',
          message: `Expected ${field}${inItem ? ' item' : ''} to be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}, found ${describeFound(issue.input)}`,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small
        ? (issue as { minimum: number }).minimum
        : (issue as { maximum: number }).maximum;
      const list = issue.origin === 'array';
      const actual =
        list && Array.isArray(issue.input)
          ? issue.input.length
          : typeof issue.input === 'string'
            ? issue.input.length
            : undefined;
      const unit = list ? (Number(bound) === 1 ? 'item' : 'items') : 'characters';
      return [
        {
          path,
          rule: list ? 'schema/count' : 'schema/length',
          message: `Expected ${field} to have ${small ? 'at least' : 'at most'} ${bound} ${unit}${actual !== undefined ? `, found ${actual}` : ''}`,
        },
      ];
    }
    case 'invalid_format':
      return [
        {
          path,
          rule: 'schema/format',
          message: isOwnMessage(issue)
            ? issue.message
            : `Unexpected ${field} ${describeFound(issue.input)}: wrong format`,
        },
      ];
    case 'custom':
      return [{ path, rule: String(issue.params?.rule ?? 'schema/rule'), message: issue.message }];
    default:
      return [
        { path, rule: `schema/${issue.code ?? 'invalid'}`, message: `${field}: ${issue.message}` },
      ];
  }
}
