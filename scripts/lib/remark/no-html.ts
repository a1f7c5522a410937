/**
 * remark-lint rule `jol:no-html`: no raw HTML in a record's body (records are plain Markdown;
 * raw HTML could carry scripts or break the page). Reported at the HTML itself. Bodies without
 * a "<" cannot contain HTML and are not walked.
 *
 * @example ok
 *   Plain **Markdown** with a [link](https://www.jesip.org.uk/) and `<code>` in backticks.
 *
 * @example not-ok
 *   Text <script>alert(1)</script> here.
 *
 *   <img src=x onerror=alert(1)>
 *   => 1:6 Unexpected raw HTML "<script>", expected Markdown only (no HTML, no MDX)
 *   => 1:22 Unexpected raw HTML "</script>", expected Markdown only (no HTML, no MDX)
 *   => 3:1 Unexpected raw HTML "<img src=x onerror=alert(1)>", expected Markdown only (no HTML, no MDX)
 */
import type { Html, Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { visit } from 'unist-util-visit';

export const noHtml = lintRule<Root>({ origin: 'jol:no-html' }, (tree, file) => {
  // HTML needs a "<": a body without one has none, and the walk over every node is skipped.
  if (!String(file.value).includes('<')) return;
  visit(tree, 'html', (node: Html) => {
    const snippet = node.value.trim().split('\n')[0]!.slice(0, 40);
    file.message(
      `Unexpected raw HTML "${snippet}", expected Markdown only (no HTML, no MDX)`,
      node,
    );
  });
});
