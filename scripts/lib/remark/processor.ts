/**
 * The remark processor that lints record bodies: CommonMark + GFM tables, plus the JOL rules.
 * One frozen processor per thread; each call lints one body and returns positioned messages.
 */
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
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

/**
 * The body dialect is CommonMark plus GFM tables (the content model), so only the table
 * extension is loaded: the rest of GFM (autolink literals above all) doubles the parse time
 * and changes nothing the rules look at.
 */
function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkTables).freeze();
/** A table needs a "|": bodies without one are parsed without the table extension (much faster). */
const plainParser = unified().use(remarkParse).freeze();

const linters = new Map<string, ReturnType<typeof makeLinter>>();

function makeLinter(required: readonly string[]) {
  return unified().use(remarkParse).use(remarkTables).use(noHtml).use(noEmptySections).use(requiredSections, required).freeze();
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
  const tree = (body.includes('|') ? parser : plainParser).parse(file);
  await processor.run(tree, file);
  return file.messages.map((m) => ({
    line: m.line ?? 0,
    column: m.column ?? 0,
    rule: m.ruleId ? `body/${m.ruleId}` : 'body/markdown',
    message: m.reason,
  }));
}
