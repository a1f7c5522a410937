/**
 * The pull-request report: the validator's Markdown summary of the changed files, plus the likely
 * duplicates with links to the existing lessons, for the job summary and the sticky comment.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.ts';
import { formatMarkdownSummary } from '../report/github.ts';
import { codeSpan } from '../report/markdown-text.ts';

export interface ReportLinks {
  /** e.g. https://github.com/owner/repo/blob/main */
  blobBase: string;
  /** The public site, for lesson pages. */
  siteUrl?: string;
}

export function duplicatesSection(
  diagnostics: readonly Diagnostic[],
  links: ReportLinks,
  cwd: string,
): string {
  const dups = diagnostics.filter((d) => d.rule === 'duplicates/similar-lesson' && d.target);
  if (dups.length === 0) return '';
  const lines = [
    '',
    '#### Likely duplicates',
    '',
    'These new lessons look like lessons already in the library. Check them before approving; if they belong together, list the other in `related`.',
    '',
  ];
  for (const d of dups) {
    const target = d.target!.split(path.sep).join('/');
    const repoPath = path.relative(cwd, path.resolve(cwd, target)).split(path.sep).join('/');
    const id = path.basename(target).replace(/\.md$/, '');
    const page = links.siteUrl
      ? ` ([on the site](${links.siteUrl.replace(/\/$/, '')}/lessons/${id}/))`
      : '';
    lines.push(
      `- ${codeSpan(d.file)} looks like [${codeSpan(id)}](${links.blobBase}/${repoPath.split('/').map(encodeURIComponent).join('/')})${page}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function prReport(
  diagnostics: readonly Diagnostic[],
  checked: number,
  links: ReportLinks,
  cwd: string,
): string {
  if (checked === 0)
    return '### JOL content check: passed\n\nThis pull request changes no content files.\n';
  return `${formatMarkdownSummary(diagnostics, checked)}${duplicatesSection(diagnostics, links, cwd)}`;
}
