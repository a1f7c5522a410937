/**
 * Writes an issue body the way GitHub does when someone submits an issue form: for each element,
 * `### Label`, a blank line and the answer (`_No response_` when empty; dropdown choices joined by
 * ", "; checkboxes as `- [X]` / `- [ ]` lines). Answers are keyed by element id.
 */
type Element = {
  type: string;
  id?: string;
  attributes: { label?: string; options?: (string | { label: string })[] };
};

export type FormAnswer = string | string[] | undefined;

export function renderIssueBody(
  form: Record<string, unknown>,
  answers: Record<string, FormAnswer>,
): string {
  const parts: string[] = [];
  for (const el of form.body as Element[]) {
    if (el.type === 'markdown') continue;
    const answer = answers[el.id!];
    let text: string;
    if (el.type === 'checkboxes') {
      const ticked = new Set(Array.isArray(answer) ? answer : answer ? [answer] : []);
      text = el.attributes
        .options!.map((o) => {
          const label = typeof o === 'string' ? o : o.label;
          return `- [${ticked.has(label) ? 'X' : ' '}] ${label}`;
        })
        .join('\n');
    } else if (Array.isArray(answer)) text = answer.length ? answer.join(', ') : '_No response_';
    else text = answer === undefined || answer === '' ? '_No response_' : answer;
    parts.push(`### ${el.attributes.label}\n\n${text}`);
  }
  return parts.join('\n\n');
}

/** The option label of an element whose label ends with "(id)". */
export function option(form: Record<string, unknown>, id: string, value: string): string {
  const el = (form.body as Element[]).find((e) => e.id === id);
  const found = el?.attributes.options
    ?.map((o) => (typeof o === 'string' ? o : o.label))
    .find((l) => l.endsWith(`(${value})`) || l === value);
  if (!found) throw new Error(`No option ${value} in ${id}`);
  return found;
}
