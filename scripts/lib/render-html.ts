/**
 * Markdown bodies of lessons and action notes to safe HTML in the GOV.UK style. Used by the
 * site (through the validator's worker threads and cache, see validate-content.ts).
 *
 * Content is untrusted: the validator rejects raw HTML, but the site does not rely on it.
 * remark-rehype drops raw HTML, rehype-sanitize (GitHub's allow-list) removes anything
 * that could run script (event handlers, `javascript:` links, iframes, forms, styles),
 * then GOV.UK classes are added. Top-level headings are demoted so the page keeps one h1,
 * and images become links (records ship no images; the CSP blocks outside ones).
 */
import type { Element, Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseBody } from './remark/processor.ts';

const CLASSES: Record<string, string> = {
  h2: 'govuk-heading-m',
  h3: 'govuk-heading-s',
  h4: 'govuk-heading-s',
  h5: 'govuk-heading-s',
  h6: 'govuk-heading-s',
  p: 'govuk-body',
  ul: 'govuk-list govuk-list--bullet',
  ol: 'govuk-list govuk-list--number',
  a: 'govuk-link',
  table: 'govuk-table',
  thead: 'govuk-table__head',
  tbody: 'govuk-table__body',
  tr: 'govuk-table__row',
  th: 'govuk-table__header',
  td: 'govuk-table__cell',
  blockquote: 'govuk-inset-text',
  hr: 'govuk-section-break govuk-section-break--m govuk-section-break--visible',
};

/** Adds GOV.UK classes, demotes h1 to h2, and marks outside links. */
function rehypeGovuk() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'h1') node.tagName = 'h2';
      // Records ship no images, and the CSP would block outside ones: an image becomes a link to it.
      if (node.tagName === 'img') {
        const src = node.properties.src;
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
        node.tagName = typeof src === 'string' ? 'a' : 'span';
        node.properties = typeof src === 'string' ? { href: src } : {};
        node.children = [
          { type: 'text', value: alt || (typeof src === 'string' ? `Image: ${src}` : 'Image') },
        ];
      }
      const cls = CLASSES[node.tagName];
      if (cls) node.properties.className = cls.split(' ');
      if (
        node.tagName === 'a' &&
        typeof node.properties.href === 'string' &&
        /^https?:/i.test(node.properties.href)
      ) {
        node.properties.rel = ['noopener', 'noreferrer', 'nofollow'];
      }
      // Table cell alignment comes out as a style attribute, which the CSP would block anyway.
      delete node.properties.style;
      delete node.properties.align;
    });
  };
}

const toHtml = unified()
  .use(remarkRehype) // allowDangerousHtml is off: raw HTML is dropped
  .use(rehypeSanitize)
  .use(rehypeGovuk)
  .use(rehypeStringify)
  .freeze();

export interface RenderOptions {
  /**
   * Whether a link must lose its address (a record outside the edition): it becomes a `<span>`
   * with its words. Bodies are treated before rendering (body-links.ts); this is the last guard.
   */
  unlink?: (href: string) => boolean;
}

/** A body already parsed (by the validator's body check) to HTML. */
export function renderTree(tree: MdastRoot, options: RenderOptions = {}): string {
  const hast = toHtml.runSync(tree);
  const { unlink } = options;
  if (unlink) {
    visit(hast, 'element', (node: Element) => {
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && unlink(href)) {
        node.tagName = 'span';
        node.properties = {};
      }
    });
  }
  return toHtml.stringify(hast);
}

/** Markdown in the content model's dialect (CommonMark + GFM tables, as the validator parses it) to HTML. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  return renderTree(parseBody(markdown), options);
}
