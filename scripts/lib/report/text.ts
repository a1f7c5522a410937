/** Plain text: `file:line:col  severity  message  (rule)`, then a one-line summary. */
import type { Diagnostic } from '../diagnostic.ts';
import { summaryLine } from './summary.ts';

export function formatText(diagnostics: readonly Diagnostic[], checked: number): string {
  const lines = diagnostics.map(
    (d) =>
      `${d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file}  ${d.severity}  ${d.message}  (${d.rule})`,
  );
  lines.push('', summaryLine(diagnostics, checked));
  return `${lines.join('\n')}\n`;
}
