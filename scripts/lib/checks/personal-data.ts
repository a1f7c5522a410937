/**
 * Check 7: "what, not who" — no personal data anywhere in the file (body and every string of
 * the record), reported at the offending text. The per-file escape hatch is the field
 * `personal_data_exceptions` ({text, reason}), which reviewers see in the pull request;
 * an exception that matches nothing is reported so that stale ones do not pile up.
 */
import { FINDING_LABEL, findPersonalData } from '../personal-data.ts';
import type { FileCheck } from './types.ts';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export const personalDataCheck: FileCheck = {
  id: 'personal-data',
  run({ text, parsed }, report) {
    const findings = findPersonalData(text);
    const raw = parsed.data?.personal_data_exceptions;
    const exceptions = Array.isArray(raw)
      ? raw.flatMap((e) => (e && typeof e === 'object' && typeof (e as { text?: unknown }).text === 'string' ? [(e as { text: string }).text] : []))
      : [];
    const used = new Set<string>();
    let starts: number[] | undefined;
    for (const finding of findings) {
      // The exception list itself names the excepted text; do not flag it there.
      const excepted = exceptions.find((e) => e === finding.text || e.replace(/\s+/g, ' ') === finding.text);
      if (excepted !== undefined) {
        used.add(excepted);
        continue;
      }
      starts ??= lineStarts(text);
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= finding.offset) lo = mid;
        else hi = mid - 1;
      }
      const column = [...text.slice(starts[lo]!, finding.offset)].length + 1;
      report(
        { line: lo + 1, column },
        `personal-data/${finding.kind}`,
        `Found what looks like ${FINDING_LABEL[finding.kind]} ("${finding.text}"); records say what and why, not who: use a role or organisation instead, or add a personal_data_exceptions entry with the reason if this is not personal data`,
        finding.kind === 'email' ? { email: finding.text } : undefined,
      );
    }
    exceptions.forEach((e, index) => {
      if (!used.has(e)) {
        report({ path: ['personal_data_exceptions', index, 'text'] }, 'personal-data/unused-exception', `Exception "${e}" matches nothing the personal-data check flags; remove it`, { severity: 'warning' });
      }
    });
  },
};
