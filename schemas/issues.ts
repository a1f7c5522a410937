/**
 * Turns zod issues into messages a SPOC can act on — what was found, what was expected —
 * each with a rule id. Used by the validator and by anything else that parses records.
 */
import { z } from 'zod';
import { isRuleId, type RuleId } from './rule-ids.ts';

export interface FieldProblem {
  /** Path to the value (or, for unknown keys, to the key itself). */
  path: (string | number)[];
  /** True when the position is the key, not its value (unknown keys). */
  atKey?: boolean;
  rule: RuleId;
  message: string;
  /** What was found inside the value (a tag in a summary), to report where it is written. */
  text?: string;
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

/**
 * Whether an issue's message is zod's own default wording rather than a message of one of our
 * field factories (which is kept as is). Decided by asking zod's configured error maps what they
 * say for this issue — the way zod itself fills in a message none was set for — so no English
 * of zod's is copied here; `issues.test.ts` produces every issue kind with the installed zod
 * and checks that this still recognises its real messages.
 */
export function isZodMessage(issue: Issue): boolean {
  const config = z.config();
  const raw = issue as unknown as z.core.$ZodRawIssue;
  const said = config.customError?.(raw) ?? config.localeError?.(raw);
  const text = typeof said === 'string' ? said : (said?.message ?? 'Invalid input');
  return issue.message === text;
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
      if (!isZodMessage(issue)) return [{ path, rule: 'schema/type', message: issue.message }];
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
          message: !isZodMessage(issue)
            ? issue.message
            : `Unexpected ${field} ${describeFound(issue.input)}: wrong format`,
        },
      ];
    case 'custom':
      // Every refinement of ours names its rule (`ruleParams`); a bare one is a format rule.
      return [
        {
          path,
          rule: isRuleId(issue.params?.rule) ? issue.params.rule : 'schema/format',
          message: issue.message,
          ...(typeof issue.params?.text === 'string' ? { text: issue.params.text } : {}),
        },
      ];
    case 'not_multiple_of':
      return [
        {
          path,
          rule: 'schema/format',
          message: `Expected ${field} to be a multiple of ${String(issue.divisor)}, found ${describeFound(issue.input)}`,
        },
      ];
    case 'invalid_union':
      return [
        {
          path,
          rule: 'schema/type',
          message: `Unexpected ${field} ${describeFound(issue.input)}, expected a value of one of the forms the field takes`,
        },
      ];
    case 'invalid_key':
    case 'invalid_element':
      // A key or a value of a map-like field: its own issues say what is wrong with it.
      return issue.issues.flatMap((inner) =>
        describe({ ...inner, path: [...issue.path, ...inner.path] }, [], field),
      );
  }
}
