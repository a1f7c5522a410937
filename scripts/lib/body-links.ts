/**
 * Links in Markdown bodies that lead to record pages of the site (`/lessons/<id>/`, the same
 * under a base path, `../<id>/` from a lesson's own page, or the site's full address).
 *
 * - `extractBodyLinks` runs in the per-file check, on the tree the body check parsed, and
 *   keeps every link's address as written with its position; it knows no settings, so the
 *   result is cached with the file's other results.
 * - `resolveRecordLink` (record-links.ts, re-exported here) turns an address into the record it
 *   leads to; the repository checks use it (a public record linking to a non-public one; a link
 *   to no record).
 * - `withoutRecordLinks` is the site's defence: a body whose links lead to records outside the
 *   edition comes back with those links as plain text (their words kept unless the words show
 *   the record's id, title or address), and any id of such a record written in the text
 *   replaced, so that an edition never shows what it does not hold.
 */
import type { Nodes, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { mayLeadToRecord } from './record-links.ts';
import { parseBody } from './remark/processor.ts';

export {
  resolveRecordLink,
  siteOrigins,
  type LinkTarget,
  type LinkedCollection,
} from './record-links.ts';

/** A link, image or link definition in a body, as written, at its line and column in the file. */
export interface BodyLink {
  url: string;
  line: number;
  column: number;
}

/**
 * Every link, image and link definition of a body whose address could lead to a page of the
 * site. `lineOffset` is the number of lines before the body (the frontmatter), so that
 * positions are the file's.
 */
export function extractBodyLinks(tree: Root, lineOffset = 0): BodyLink[] {
  const links: BodyLink[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const start = node.position?.start;
    if (!start || !mayLeadToRecord(node.url.trim())) return;
    links.push({ url: node.url.trim(), line: start.line + lineOffset, column: start.column });
  });
  return links;
}

/** A quick test for bodies that may hold a link at all (to skip parsing the others). */
export function mayHoldLinks(body: string): boolean {
  return /\]\(|\]:|<https?:/i.test(body);
}

/** A record outside the edition: what must not be shown of it. */
export interface HiddenRecord {
  id: string;
  title?: string;
}

/** What a link to a record outside the edition shows instead of words that would name it. */
export const HIDDEN_LINK_TEXT = 'a record not published here';

const ID_TOKEN =
  /\b(?:\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*|\d{4}-\d{3})(?![a-z0-9-]*[a-z0-9])/g;

/** Every id of a hidden record that the text names, each once. */
export function hiddenIdsIn(text: string, hiddenId: (id: string) => boolean): string[] {
  return [...new Set(text.match(ID_TOKEN) ?? [])].filter(hiddenId);
}

type LinkNode = Extract<
  Nodes,
  { type: 'link' | 'image' | 'linkReference' | 'imageReference' | 'definition' }
>;

/**
 * The body with every link to a hidden record made plain text, and every id of a hidden
 * record in the text replaced by HIDDEN_LINK_TEXT. `hidden(url)` says where a link leads to a
 * hidden record; `hiddenId(id)` whether an id is one. Returns the body unchanged (the same
 * string) when there is nothing to hide.
 */
export function withoutRecordLinks(
  body: string,
  hidden: (url: string) => HiddenRecord | undefined,
  hiddenId: (id: string) => boolean,
): string {
  let text = body;
  // Each pass takes the outermost links; a link made of what was another link's words is
  // taken on the next pass. Three passes are plenty for anything CommonMark nests.
  for (let pass = 0; pass < 3 && mayHoldLinks(text); pass++) {
    const next = unlinkOnce(text, hidden);
    if (next === text) break;
    text = next;
  }
  if (hiddenIdsIn(text, hiddenId).length === 0) return text;
  return text.replace(ID_TOKEN, (token) => (hiddenId(token) ? HIDDEN_LINK_TEXT : token));
}

function unlinkOnce(body: string, hidden: (url: string) => HiddenRecord | undefined): string {
  const tree = parseBody(body);
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  const edits: { start: number; end: number; text: string }[] = [];
  visit(tree, (node: Nodes) => {
    if (
      node.type !== 'link' &&
      node.type !== 'image' &&
      node.type !== 'linkReference' &&
      node.type !== 'imageReference' &&
      node.type !== 'definition'
    )
      return;
    const n = node;
    const url =
      n.type === 'linkReference' || n.type === 'imageReference'
        ? definitions.get(n.identifier)
        : n.url;
    const target = url === undefined ? undefined : hidden(url.trim());
    const start = n.position?.start.offset;
    const end = n.position?.end.offset;
    if (!target || start === undefined || end === undefined) return;
    edits.push({
      start,
      end,
      text: n.type === 'definition' ? '' : shownWords(body, n, url!, target),
    });
    return SKIP;
  });
  let out = body;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The link's own words, unless they show the hidden record's id, title or address. */
function shownWords(body: string, node: LinkNode, url: string, target: HiddenRecord): string {
  let words = '';
  if (node.type === 'image' || node.type === 'imageReference') words = node.alt ?? '';
  else if ('children' in node && node.children.length > 0) {
    const from = node.children[0]!.position?.start.offset;
    const to = node.children.at(-1)!.position?.end.offset;
    if (from !== undefined && to !== undefined) words = body.slice(from, to);
  }
  const lower = words.toLowerCase();
  const reveals =
    lower.includes(target.id.toLowerCase()) ||
    (target.title !== undefined && lower.includes(target.title.toLowerCase())) ||
    lower.includes(url.toLowerCase());
  return words.trim() === '' || reveals ? HIDDEN_LINK_TEXT : words;
}
