/**
 * remark-lint rule `jol:no-empty-sections`: every `##` section has some content before the
 * next heading of the same or a higher level (a sub-heading alone is not content). Reported at
 * the empty section's heading.
 *
 * @example ok
 *   ## What happened
 *   The control rooms did not share the M/ETHANE message.
 *   ## Why it matters
 *   | Service | Picture |
 *   |---|---|
 *   | Fire | Partial |
 *
 * @example not-ok
 *   ## What happened
 *   ## Why it matters
 *   ### Detail
 *   ## Recommendation
 *   Share it.
 *   => 1:1 Section "## What happened" is empty; expected some text under it
 *   => 2:1 Section "## Why it matters" is empty; expected some text under it
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lintRule } from 'unified-lint-rule';

export const noEmptySections = lintRule<Root>({ origin: 'jol:no-empty-sections' }, (tree, file) => {
  const nodes = tree.children;
  nodes.forEach((node, index) => {
    if (node.type !== 'heading' || node.depth !== 2) return;
    let content = false;
    for (let i = index + 1; i < nodes.length; i++) {
      const next = nodes[i]!;
      if (next.type === 'heading' && next.depth <= 2) break;
      if (
        next.type !== 'heading' &&
        (toString(next).trim() !== '' || next.type === 'table' || next.type === 'image')
      ) {
        content = true;
        break;
      }
    }
    if (!content) {
      file.message(
        `Section "## ${toString(node).trim()}" is empty; expected some text under it`,
        node,
      );
    }
  });
});
