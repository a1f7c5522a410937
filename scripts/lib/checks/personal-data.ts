/**
 * Check 7: "what, not who" — no personal data anywhere in the file (body and every string of
 * the record), reported at the offending text. The per-file escape hatch is the field
 * `personal_data_exceptions` ({text, reason}), which reviewers see in the pull request;
 * an exception that matches nothing is reported so that stale ones do not pile up.
 */
import { FINDING_LABEL, findPersonalData, INSTEAD, type NameCandidate } from '../personal-data.ts';
import { judgeNameCandidates } from '../possible-names.ts';
import type { FileCheck } from './types.ts';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset. */
function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Frontmatter fields whose text is prose, read by the language model as the body is. */
const PROSE_FIELDS = /^(?:title|summary):/;

/** Whether an offset is in prose: the Markdown body, or the title or summary (also wrapped over lines). */
function inProse(text: string, starts: number[], offset: number, bodyLine: number | undefined) {
  let line = lineOf(starts, offset);
  if (bodyLine !== undefined && line >= bodyLine) return true;
  for (; line >= 1; line--) {
    const from = starts[line - 1]!;
    const c = text[from];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r')
      return PROSE_FIELDS.test(text.slice(from, from + 8));
  }
  return false;
}

export const personalDataCheck: FileCheck = {
  id: 'personal-data',
  async run({ text, parsed }, report) {
    const candidates: NameCandidate[] = [];
    const findings = findPersonalData(text, candidates);
    if (candidates.length > 0) {
      const starts = lineStarts(text);
      const prose = candidates.filter((c) => inProse(text, starts, c.offset, parsed.bodyLine));
      findings.push(...(await judgeNameCandidates(text, prose)));
      findings.sort((a, b) => a.offset - b.offset);
    }
    const raw = parsed.data?.personal_data_exceptions;
    const exceptions = Array.isArray(raw)
      ? raw.flatMap((e) =>
          e && typeof e === 'object' && typeof (e as { text?: unknown }).text === 'string'
            ? [(e as { text: string }).text]
            : [],
        )
      : [];
    const used = new Set<string>();
    let starts: number[] | undefined;
    const [skipFrom, skipTo] =
      exceptions.length > 0
        ? (parsed.positions().spans.personal_data_exceptions ?? [0, -1])
        : [0, -1];
    for (const finding of findings) {
      starts ??= lineStarts(text);
      const line = lineOf(starts, finding.offset);
      // The exception list itself names the excepted text: neither flagged nor counted as a use.
      if (line >= skipFrom && line <= skipTo) continue;
      const excepted = exceptions.find(
        (e) => e === finding.text || e.replace(/\s+/g, ' ') === finding.text,
      );
      if (excepted !== undefined) {
        used.add(excepted);
        continue;
      }
      const column = [...text.slice(starts[line - 1], finding.offset)].length + 1;
      const possible = finding.kind === 'possible-name';
      report(
        { line, column },
        `personal-data/${finding.kind}`,
        possible
          ? `Found what may be ${FINDING_LABEL[finding.kind]} ("${finding.text}"): records say what and why, not who; ${INSTEAD[finding.kind]}. If it is a place, a thing or an organisation, add a personal_data_exceptions entry saying so, and the reviewers decide`
          : `Found what looks like ${FINDING_LABEL[finding.kind]} ("${finding.text}"): records say what and why, not who; ${INSTEAD[finding.kind]}. Only if this is not personal data, add a personal_data_exceptions entry with the reason`,
        finding.kind === 'email'
          ? { email: finding.text }
          : possible
            ? { severity: 'warning' }
            : undefined,
      );
    }
    exceptions.forEach((e, index) => {
      if (!used.has(e)) {
        report(
          { path: ['personal_data_exceptions', index, 'text'] },
          'personal-data/unused-exception',
          `Exception "${e}" matches nothing the personal-data check flags; remove it`,
          { severity: 'warning' },
        );
      }
    });
  },
};
