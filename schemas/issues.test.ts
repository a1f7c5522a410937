import { describe, expect, it } from 'vitest';
import { closest, describeIssue, editDistance } from './issues.ts';
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

describe('closest', () => {
  it('finds likely typos only', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('co-lcate', ['co-locate', 'communicate'])).toBe('co-locate');
    expect(closest('zzzzzz', ['co-locate', 'communicate'])).toBeUndefined();
  });
});
