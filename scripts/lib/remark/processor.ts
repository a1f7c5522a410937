/**
 * The remark processor that lints record bodies: CommonMark + GFM tables, plus the JOL rules.
 * One frozen processor per thread; each call lints one body and returns positioned messages.
 */
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import { isRuleId, type RuleId } from '../../../schemas/rule-ids.ts';
import { noEmptySections } from './no-empty-sections.ts';
import { noHtml } from './no-html.ts';
import { requiredSections } from './required-sections.ts';
import { scanBody, type ScanProblem } from '../scan-body.ts';

/** The id the validator reports a body rule under: `body/` and the rule's name. */
export type BodyRuleId = Extract<RuleId, `body/${string}`>;

export interface BodyMessage {
  line: number;
  column: number;
  /** A body rule, or a `markdown/*` rule of the pre-scan (scan-body.ts). */
  rule: BodyRuleId | ScanProblem['rule'];
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
  return unified()
    .use(remarkParse)
    .use(remarkTables)
    .use(noHtml)
    .use(noEmptySections)
    .use(requiredSections, required)
    .freeze();
}

/**
 * The names of the JOL remark-lint rules the linter runs (`jol:no-html` gives `no-html`), read
 * from the processor itself, so that tests find every rule without a list of their own.
 */
export function bodyRuleNames(): string[] {
  return makeLinter([])
    .attachers.map(([plugin]) => plugin.name)
    .filter((name) => name.startsWith('jol:'))
    .map((name) => name.slice('jol:'.length));
}

/** A message's rule as a registered id; a rule missing from schemas/rule-ids.ts is a bug. */
function bodyRuleId(ruleId: string | undefined): BodyRuleId {
  const id = `body/${ruleId ?? ''}`;
  if (isRuleId(id) && id.startsWith('body/')) return id as BodyRuleId;
  throw new Error(
    `The body rule "${ruleId ?? ''}" reported a message but "${id}" is not registered in schemas/rule-ids.ts`,
  );
}

/**
 * Parses a body in the content model's dialect (the one tree both linting and rendering use).
 * A body the pre-scan refuses (scan-body.ts: it would take micromark too long) is not parsed:
 * its tree is the text as one code block, which renders safely, in linear time.
 */
export function parseBody(body: string | VFile): Root {
  const text = typeof body === 'string' ? body : String(body.value);
  if (scanBody(text).length > 0) return unparsed(text);
  return (text.includes('|') ? parser : plainParser).parse(body);
}

function unparsed(text: string): Root {
  return { type: 'root', children: [{ type: 'code', value: text }] };
}

/**
 * Lints one body; a message with line 0 concerns the whole file (such as a missing section).
 * Also returns the parsed tree, so that a caller that renders the body need not parse it again
 * (the rules only read the tree).
 */
export async function lintBody(
  body: string,
  required: readonly string[],
): Promise<{ messages: BodyMessage[]; tree: Root }> {
  const key = required.join('\n');
  let processor = linters.get(key);
  if (!processor) {
    processor = makeLinter(required);
    linters.set(key, processor);
  }
  // Checked before parsing: the body rules cannot run on a body that is not parsed.
  const refused = scanBody(body);
  if (refused.length > 0) return { messages: refused, tree: unparsed(body) };
  const file = new VFile({ value: body });
  const tree = (body.includes('|') ? parser : plainParser).parse(file);
  await processor.run(tree, file);
  const messages = file.messages.map((m) => ({
    line: m.line ?? 0,
    column: m.column ?? 0,
    rule: bodyRuleId(m.ruleId),
    message: m.reason,
  }));
  return { messages, tree };
}
