/**
 * remark-lint rule `jol:required-sections`: the body has the record's required `##` sections,
 * in order. A missing section is reported at the file (line 1 of the record); sections out of
 * order at the first required heading that is not in its place; a heading that differs only in
 * case at that heading. More sections may follow.
 *
 * Options: the section titles, in order (from the collection layout).
 *
 * @example ok ["What happened", "Why it matters", "Recommendation"]
 *   ## What happened
 *   Text.
 *   ## Why it matters
 *   Text.
 *   ## Recommendation
 *   Text.
 *   ## References
 *   Text.
 *
 * @example not-ok ["What happened", "Why it matters", "Recommendation"]
 *   ## What happened
 *   Text.
 *   ## Recommendation
 *   Text.
 *   ## Why it matters
 *   Text.
 *   => 3:1 Required section "## Recommendation" is not in its place; expected the order "## What happened", "## Why it matters", "## Recommendation"
 *
 * @example not-ok ["What was done", "Why it worked", "How others can adopt it"]
 *   ## What was done
 *   Text.
 *   ## Why It Worked
 *   Text.
 *   => 3:1 Section "## Why It Worked" should be titled exactly "## Why it worked"
 *   => 0:0 Missing required section "## How others can adopt it"; expected the sections "## What was done", "## Why it worked", "## How others can adopt it" in this order
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lintRule } from 'unified-lint-rule';

export const requiredSections = lintRule<Root, readonly string[]>(
  {
    origin: 'jol:required-sections',
    url: 'https://github.com/jol-library/jol-library/blob/main/CONTRIBUTING.md#body-sections',
  },
  (tree, file, required) => {
    if (!required || required.length === 0) return;
    const headings = tree.children
      .filter((n): n is Heading => n.type === 'heading' && n.depth === 2)
      .map((h) => ({ title: toString(h).trim(), node: h }));
    const present = headings.filter((h) => required.includes(h.title));
    const missing = required.filter((title) => !present.some((h) => h.title === title));
    for (const title of missing) {
      const have = headings.find((h) => h.title.toLowerCase() === title.toLowerCase());
      file.message(
        have
          ? `Section "## ${have.title}" should be titled exactly "## ${title}"`
          : `Missing required section "## ${title}"; expected the sections ${required.map((t) => `"## ${t}"`).join(', ')} in this order`,
        have ? have.node : undefined,
      );
    }
    // Order: the required headings that are present must appear in the required order.
    for (let i = 0; i < present.length; i++) {
      const expected = required.filter((t) => present.some((h) => h.title === t))[i];
      if (present[i]!.title !== expected) {
        file.message(
          `Required section "## ${present[i]!.title}" is not in its place; expected the order ${required.map((t) => `"## ${t}"`).join(', ')}`,
          present[i]!.node,
        );
        break;
      }
    }
  },
);
