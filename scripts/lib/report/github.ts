/**
 * GitHub Actions: one workflow annotation per problem (shown on the pull request's files)
 * and a Markdown summary (for the job summary and the sticky pull-request comment).
 */
import type { Diagnostic } from '../diagnostic.ts';
import { codeSpan, markdownCell as cell } from './markdown-text.ts';
import { counts, summaryLine } from './summary.ts';

const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`];
      if (d.line > 0) props.push(`line=${d.line}`, `col=${d.column}`);
      props.push(`title=${escapeProperty(`JOL ${d.rule}`)}`);
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(d.message)}`;
    })
    .join('\n');
}

export function formatMarkdownSummary(
  diagnostics: readonly Diagnostic[],
  checked: number,
  limit = 200,
): string {
  const { errors } = counts(diagnostics);
  const out = [
    `### JOL content check: ${errors > 0 ? 'changes needed' : 'passed'}`,
    '',
    summaryLine(diagnostics, checked),
    '',
  ];
  if (diagnostics.length > 0) {
    out.push('| Where | Severity | Problem | Rule |', '|---|---|---|---|');
    for (const d of diagnostics.slice(0, limit)) {
      out.push(
        `| ${codeSpan(d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file).replace(/\|/g, '\\|')} | ${d.severity} | ${cell(d.message)} | ${codeSpan(d.rule)} |`,
      );
    }
    if (diagnostics.length > limit)
      out.push(
        '',
        `…and ${diagnostics.length - limit} more; run \`npm run validate\` locally to see them all.`,
      );
    out.push(
      '',
      'Fix each problem in the file named, then push again. The contributing guide explains every rule.',
    );
  }
  return `${out.join('\n')}\n`;
}
