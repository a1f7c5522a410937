import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closest, describeIssue, editDistance, isZodMessage } from './issues.ts';
import { lessonSchema } from './lesson.ts';
import { keysAt } from './shape.ts';

function problems(data: Record<string, unknown>) {
  const result = lessonSchema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.flatMap((i) =>
    describeIssue(
      i,
      i.code === 'unrecognized_keys' ? keysAt(lessonSchema, i.path as string[]) : [],
    ),
  );
}

const base = {
  kind: 'lesson-identified',
  title: 'M/ETHANE messages were not shared',
  summary:
    'The control rooms did not share the M/ETHANE message with each other during the response.',
  date: '2024-01-10',
  source: 'incident',
  submitted_by: 'greater-manchester-police',
  submitted: '2024-02-01',
  criteria: ['interoperability'],
  classification: 'official',
};

describe('describeIssue', () => {
  it('accepts a valid lesson and applies defaults', () => {
    const parsed = lessonSchema.parse(base);
    expect(parsed.status).toBe('identified');
    expect(parsed.public).toBe(false);
  });

  it('says what was found, what was expected and suggests the closest value', () => {
    expect(problems({ ...base, source: 'incidnt' })).toEqual([
      {
        path: ['source'],
        rule: 'schema/enum',
        message:
          'Unexpected source "incidnt", expected one of incident, exercise, training, testing, external (did you mean "incident"?)',
      },
    ]);
  });

  it('reports a missing field as required, whatever its type', () => {
    const { kind: _kind, ...rest } = base;
    expect(problems(rest)).toEqual([
      { path: ['kind'], rule: 'schema/required', message: 'Missing required field "kind"' },
    ]);
  });

  it('reports each unknown key at the key, with the allowed keys', () => {
    const [p] = problems({ ...base, titel: 'x' });
    expect(p).toMatchObject({ path: ['titel'], atKey: true, rule: 'schema/unknown-key' });
    expect(p!.message).toContain('(did you mean "title"?)');
  });

  it('names the field in length and type messages', () => {
    expect(problems({ ...base, title: 'Short' })[0]!.message).toBe(
      'Expected title to have 10 to 120 characters, found 5',
    );
    expect(problems({ ...base, public: 'yes' })[0]!.message).toBe(
      'Expected public to be true or false, found "yes"',
    );
  });
});

/** The first issue the installed zod reports for this input, with zod's own wording. */
function zodIssue(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected the input to fail');
  return result.error.issues[0]!;
}

describe("zod's own messages", () => {
  // Every kind of issue zod has, produced by the installed zod: its default message must be
  // recognised as zod's (and reworded), or a zod upgrade would pass zod's English to SPOCs.
  const kinds: [z.core.$ZodIssue['code'], z.ZodType, unknown][] = [
    ['invalid_type', z.boolean(), 'yes'],
    ['invalid_type', z.strictObject({ a: z.string() }), ['a list']],
    ['invalid_value', z.enum(['incident', 'exercise']), 'incidnt'],
    ['too_small', z.string().min(3), 'ab'],
    ['too_big', z.array(z.string()).max(1), ['a', 'b']],
    ['invalid_format', z.string().regex(/^R\d+$/), 'X1'],
    ['invalid_format', z.iso.date(), '2024-13-01'],
    ['invalid_format', z.string().startsWith('R'), 'X1'],
    ['not_multiple_of', z.number().multipleOf(2), 3],
    ['unrecognized_keys', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
    ['invalid_union', z.union([z.string(), z.number()]), true],
    ['invalid_key', z.record(z.string().min(2), z.string()), { b: 'x' }],
    ['invalid_element', z.map(z.object({}), z.number()), new Map([[{}, 'x']])],
    ['custom', z.string().refine(() => false), 'x'],
  ];
  it.each(kinds)("recognises the installed zod's %s message as zod's", (code, schema, input) => {
    const issue = zodIssue(schema, input);
    expect(issue.code).toBe(code);
    expect(isZodMessage(issue)).toBe(true);
    if (code === 'custom') return; // our refinements always set their message
    for (const problem of describeIssue(issue)) {
      expect(problem.message).not.toContain(issue.message);
      expect(problem.message).not.toMatch(/^(Invalid|Too |Unrecognized)/);
    }
  });

  it('keeps the messages our field factories set', () => {
    const typed = zodIssue(z.string({ error: 'Expected {field} to be text' }), 3);
    const formatted = zodIssue(
      z.string().regex(/^R\d+$/, { error: 'Expected a recommendation id such as R1' }),
      'X1',
    );
    expect([typed, formatted].map(isZodMessage)).toEqual([false, false]);
    expect(describeIssue(typed)[0]).toMatchObject({
      rule: 'schema/type',
      message: 'Expected value to be text',
    });
    expect(describeIssue(formatted)[0]).toMatchObject({
      rule: 'schema/format',
      message: 'Expected a recommendation id such as R1',
    });
  });
});

describe('closest', () => {
  it('finds likely typos only', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('co-lcate', ['co-locate', 'communicate'])).toBe('co-locate');
    expect(closest('zzzzzz', ['co-locate', 'communicate'])).toBeUndefined();
  });
});
