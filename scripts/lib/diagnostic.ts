/** One problem found in one file: where, how bad, which rule, and what to do. */
import type { RuleId } from '../../schemas/rule-ids.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path as the user names it (relative to the working directory). */
  file: string;
  /** 1-based line; 0 when the problem concerns the file as a whole and has no line. */
  line: number;
  /** 1-based column; 0 with line 0. */
  column: number;
  severity: Severity;
  /** Rule id such as `schema/enum` or `references/missing` (registered in schemas/rule-ids.ts). */
  rule: RuleId;
  message: string;
  /** For repository checks: the file of the record the problem points at (PR mode keeps these). */
  target?: string;
  /** For the personal-data check: an email address to compare with organisation mailboxes. */
  email?: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
