/** Counts shared by every output format. */
import type { Diagnostic } from '../diagnostic.ts';

export function counts(diagnostics: readonly Diagnostic[]) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    errors,
    warnings: diagnostics.length - errors,
    files: new Set(diagnostics.map((d) => d.file)).size,
  };
}

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(diagnostics: readonly Diagnostic[], checked: number): string {
  const { errors, warnings, files } = counts(diagnostics);
  if (errors === 0 && warnings === 0) return `✔ ${plural(checked, 'file')} checked: no problems`;
  return `${errors > 0 ? '✖' : '⚠'} ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')} (${plural(checked, 'file')} checked)`;
}
