/** Check 1: the record matches its collection's schema (types, enums, lengths, dates, unknown keys). */
import { describeIssue } from '../../../schemas/issues.ts';
import { keysAt } from '../../../schemas/shape.ts';
import type { FileCheck } from './types.ts';

export const schemaCheck: FileCheck = {
  id: 'schema',
  run(input, report) {
    const data = input.parsed.data;
    if (data === undefined) {
      if (input.parsed.problems.length === 0)
        report(
          { line: 1, column: 1 },
          'schema/empty',
          `Expected the fields of ${/^[aeiou]/.test(input.spec.noun) ? 'an' : 'a'} ${input.spec.noun}, found none`,
        );
      return;
    }
    const result = input.spec.schema.safeParse(data, { reportInput: true });
    if (result.success) {
      input.valid = result.data as Record<string, unknown>;
      return;
    }
    for (const issue of result.error.issues) {
      const known =
        issue.code === 'unrecognized_keys'
          ? keysAt(input.spec.schema, issue.path as (string | number)[])
          : [];
      for (const problem of describeIssue(issue, known))
        report(
          { path: problem.path, atKey: problem.atKey, text: problem.text },
          problem.rule,
          problem.message,
        );
    }
  },
};
