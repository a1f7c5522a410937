/** Shared checks on built HTML: validity (html-validate) and a DOM for assertions (parse5 via hast). */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { HtmlValidate } from 'html-validate';
import { visit } from 'unist-util-visit';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Page titles are lesson titles (up to 120 characters by the content model) plus the service name.
    'long-title': 'off',
    // Filter checkboxes share a name on purpose: a GET form sends each checked value.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
});

export async function htmlErrors(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

export function parse(html: string): Root {
  return fromHtml(html);
}

export function elements(tree: Root, test?: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (!test || test(e)) out.push(e);
  });
  return out;
}

export function text(node: Element | Root): string {
  let out = '';
  visit(node, 'text', (t: { value: string }) => {
    out += t.value;
  });
  return out;
}
