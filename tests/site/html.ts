/** Shared checks on built HTML: validity (html-validate) and a DOM for assertions (parse5 via hast). */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import {
  type DOMReadyEvent,
  HtmlValidate,
  type Plugin,
  Rule,
  type RuleDocumentation,
} from 'html-validate';
import { visit } from 'unist-util-visit';

/**
 * Anything but whitespace after `</html>`: the HTML parser moves it into the body, and the Nu
 * HTML Checker reports a "Stray start tag" (a script after `</html>`, say). html-validate keeps
 * such an element where it was written, beside `<html>`, and none of its rules looks there.
 * (An element between `</body>` and `</html>` its own rules already report.)
 */
class StrayContent extends Rule {
  override documentation(): RuleDocumentation {
    return {
      description:
        'Only whitespace may follow </html>: the parser moves anything else into the body ("Stray start tag" in the Nu HTML Checker).',
    };
  }

  setup(): void {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      const root = event.document.root;
      for (const node of root.childNodes) {
        if (node.nodeType === 1 && (node as typeof root).tagName !== 'html')
          this.report(
            node as typeof root,
            `Stray start tag <${(node as typeof root).tagName}> outside <html>, expected nothing after </html>`,
          );
        else if (node.nodeType === 3 && node.textContent.trim() !== '')
          this.report(
            null,
            `Stray text "${node.textContent.trim().slice(0, 40)}" outside <html>, expected nothing after </html>`,
            node.location,
          );
      }
    });
  }
}

const jolRules: Plugin = { name: 'jol', rules: { 'jol/stray-content': StrayContent } };

const validator = new HtmlValidate({
  plugins: [jolRules],
  extends: ['html-validate:recommended'],
  rules: {
    // Page titles are lesson titles (up to 120 characters by the content model) plus the service name.
    'long-title': 'off',
    // Filter checkboxes share a name on purpose: a GET form sends each checked value.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
    'jol/stray-content': 'error',
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
