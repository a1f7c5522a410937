/** Check 6: the Markdown body — required sections in order, no raw HTML, no empty sections (remark-lint rules). */
import { extractBodyLinks } from '../body-links.ts';
import { lintBody } from '../remark/processor.ts';
import type { FileCheck } from './types.ts';

export const bodyCheck: FileCheck = {
  id: 'body',
  async run(input, report) {
    const { spec, parsed } = input;
    if (spec.extension !== '.md' || parsed.body === undefined || parsed.data === undefined) return;
    const required = spec.sections?.(parsed.data) ?? [];
    const offset = (parsed.bodyLine ?? 1) - 1;
    const { messages, tree } = await lintBody(parsed.body, required);
    input.bodyTree = tree;
    input.bodyLinks = extractBodyLinks(tree, offset);
    for (const m of messages) {
      if (m.line === 0) report({ line: 1, column: 1 }, m.rule, m.message);
      else report({ line: m.line + offset, column: m.column }, m.rule, m.message);
    }
  },
};
