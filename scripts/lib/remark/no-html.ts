/**
 * remark-lint rule `jol-no-html`: no raw HTML in a record's body (records are plain Markdown;
 * raw HTML could carry scripts or break the page). Reported at the HTML itself.
 *
 * @example ok
 *   Plain **Markdown** with a [link](https://www.jesip.org.uk/).
 *
 * @example not-ok
 *   Text <script>alert(1)</script>   -> 1:6 Unexpected raw HTML "<script>", expected Markdown only
 */
import type { Html, Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { visit } from 'unist-util-visit';

export const noHtml = lintRule<Root>({ origin: 'jol:no-html' }, (tree, file) => {
  // HTML needs a "<": a body without one has none, and the walk over every node is skipped.
  if (!String(file.value).includes('<')) return;
  visit(tree, 'html', (node: Html) => {
    const snippet = node.value.trim().split('\n')[0]!.slice(0, 40);
    file.message(`Unexpected raw HTML "${snippet}", expected Markdown only (no HTML, no MDX)`, node);
  });
});
