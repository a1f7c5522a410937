/** JSON: an array of {file, line, column, severity, rule, message}. */
import type { Diagnostic } from '../diagnostic.ts';

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(
    diagnostics.map(({ file, line, column, severity, rule, message }) => ({
      file,
      line,
      column,
      severity,
      rule,
      message,
    })),
    null,
    2,
  )}\n`;
}
