/**
 * The remark processor that lints record bodies: CommonMark + GFM tables, plus the JOL rules.
 * One frozen processor per thread; each call lints one body and returns positioned messages.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { noEmptySections } from './no-empty-sections.ts';
import { noHtml } from './no-html.ts';
import { requiredSections } from './required-sections.ts';

export interface BodyMessage {
  line: number;
  column: number;
  rule: string;
  message: string;
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

const linters = new Map<string, ReturnType<typeof makeLinter>>();

function makeLinter(required: readonly string[]) {
  return unified().use(remarkParse).use(remarkGfm).use(noHtml).use(noEmptySections).use(requiredSections, required).freeze();
}

/** Lints one body; a message with line 0 concerns the whole file (such as a missing section). */
export async function lintBody(body: string, required: readonly string[]): Promise<BodyMessage[]> {
  const key = required.join('\n');
  let processor = linters.get(key);
  if (!processor) {
    processor = makeLinter(required);
    linters.set(key, processor);
  }
  const file = new VFile({ value: body });
  const tree = parser.parse(file);
  await processor.run(tree, file);
  return file.messages.map((m) => ({
    line: m.line ?? 0,
    column: m.column ?? 0,
    rule: m.ruleId ? `body/${m.ruleId}` : 'body/markdown',
    message: m.reason,
  }));
}
