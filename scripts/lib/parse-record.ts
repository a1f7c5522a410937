/**
 * Parses a record's text into data, and — only when a check needs to point at a value — into a
 * position map, so that every problem is reported at the line and column of its value or key.
 *
 * Fast path: js-yaml with the YAML 1.2 core schema (dates stay strings: no silent date
 * conversion; duplicate keys are errors). Positions, YAML error messages and anchor/alias
 * handling come from the `yaml` package, which is slower and therefore used only when a record
 * has a problem, uses anchors or aliases (limited, against "billion laughs" bombs), or when a
 * check asks for a position. Markdown records are split with gray-matter.
 */
import matter from 'gray-matter';
import jsyaml from 'js-yaml';
import {
  LineCounter,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { RuleId } from '../../schemas/rule-ids.ts';

export type Position = [line: number, column: number];

export interface Problem {
  line: number;
  column: number;
  rule: RuleId;
  message: string;
}

export interface Positions {
  /** Value positions by dotted path ("related.1", "recommendations.0.due"). */
  values: Record<string, Position>;
  /** Key positions by dotted path. */
  keys: Record<string, Position>;
  /** First and last line of each top-level field (key to end of value). */
  spans: Record<string, [number, number]>;
  /** Source offsets (start, end) of each value, by dotted path. */
  ranges?: Record<string, [number, number]>;
}

export interface ParsedRecord {
  /** The parsed data, or undefined when YAML failed to parse or was not a mapping. */
  data: Record<string, unknown> | undefined;
  /** Markdown body (after the frontmatter), for .md records. */
  body?: string;
  /** 1-based line where the body starts. */
  bodyLine?: number;
  problems: Problem[];
  /** Positions of values and keys, computed on first use. */
  positions(): Positions;
  /**
   * Where `needle` is written inside the value at `path` (a tag inside a folded summary), or
   * undefined when it is not written there as is (an escape in a quoted string).
   */
  locateText(path: readonly (string | number)[], needle: string): Position | undefined;
}

const YAML_OPTIONS = {
  uniqueKeys: true,
  maxAliasCount: 50,
  prettyErrors: false,
  strict: true,
} as const;
/** An anchor (&name) or alias (*name) at the start of a YAML token. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,[\]{}]/;
const NO_POSITIONS: Positions = { values: {}, keys: {}, spans: {} };
const noText = () => undefined;

/** Lists and mappings may nest this deep (deeper, the parsers run out of stack). */
export const MAX_YAML_DEPTH = 64;
/** Columns of indentation a block key or list item may have (nesting by indentation). */
export const MAX_YAML_INDENT = 128;
/** Values that aliases may add to a record in all (a "billion laughs" bomb adds billions). */
export const MAX_ALIAS_VALUES = 10_000;
/** The tags of plain YAML values; any other (!!binary, !!timestamp, !local) is refused. */
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`),
);

export function parseRecord(text: string, kind: 'markdown' | 'yaml'): ParsedRecord {
  if (kind === 'yaml') return parseYaml(text);
  const fail = (message: string): ParsedRecord => ({
    data: undefined,
    problems: [{ line: 1, column: 1, rule: 'frontmatter/missing', message }],
    positions: () => NO_POSITIONS,
    locateText: noText,
  });
  if (!/^---[ \t]*\r?\n/.test(text))
    return fail(
      'Missing frontmatter; expected the file to start with a line "---", the fields, and a closing "---"',
    );
  const split = splitFrontmatter(text);
  if (!split) return fail('Frontmatter is not closed; expected a line "---" after the fields');
  const parsed = parseYaml(split.yamlText);
  if (split.yamlText.trim() === '') {
    parsed.problems.push({
      line: 1,
      column: 1,
      rule: 'frontmatter/missing',
      message: 'Frontmatter is empty; expected the record fields between the "---" lines',
    });
  }
  parsed.body = split.body;
  parsed.bodyLine = split.bodyLine;
  return parsed;
}

/**
 * Splits a Markdown record into its frontmatter YAML and its body (with the body's first line
 * number), or undefined when the frontmatter is missing or not closed. The YAML text keeps the
 * file's line numbers (its first line is the opening "---" line's end).
 */
export function splitFrontmatter(
  text: string,
): { yamlText: string; body: string; bodyLine: number } | undefined {
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined;
  let yamlText = '';
  const split = matter(text, {
    engines: {
      yaml: (s: string) => {
        yamlText = s;
        return {};
      },
    },
  });
  const prefix = text.length - split.content.length;
  const closed = prefix > 3 && /\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3, prefix + 1));
  if (!closed) return undefined;
  return { yamlText, body: split.content, bodyLine: countNewlines(text, prefix) + 1 };
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function notAMapping(): Problem {
  return {
    line: 1,
    column: 1,
    rule: 'yaml/not-a-mapping',
    message: 'Expected the fields of a record (key: value lines), found a single value or a list',
  };
}

function parseYaml(text: string): ParsedRecord {
  const deep = tooDeep(text);
  if (deep)
    return { data: undefined, problems: [deep], positions: () => NO_POSITIONS, locateText: noText };
  if (!ANCHOR_OR_ALIAS.test(text)) {
    let data: unknown;
    let ok = true;
    try {
      data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
    } catch {
      ok = false; // The careful parser below says what and where.
    }
    if (ok) {
      let careful: ParsedRecord | undefined;
      const positions = () => (careful ??= parseCarefully(text)).positions();
      const locateText = (path: readonly (string | number)[], needle: string) =>
        (careful ??= parseCarefully(text)).locateText(path, needle);
      if (data === null || data === undefined)
        return { data: undefined, problems: [], positions, locateText };
      if (typeof data !== 'object' || Array.isArray(data))
        return { data: undefined, problems: [notAMapping()], positions, locateText };
      return { data: data as Record<string, unknown>, problems: [], positions, locateText };
    }
  }
  return parseCarefully(text);
}

/** The `yaml` package: exact error messages and positions, limited aliases. */
function parseCarefully(text: string): ParsedRecord {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  } catch (error) {
    // The pre-scan (tooDeep) keeps nesting within the parser's stack; this is the backstop.
    if (!(error instanceof RangeError)) throw error;
    const problem: Problem = {
      line: 1,
      column: 1,
      rule: 'yaml/too-deep',
      message: `The YAML is nested too deep to read; expected lists and mappings nested at most ${MAX_YAML_DEPTH} deep`,
    };
    return {
      data: undefined,
      problems: [problem],
      positions: () => NO_POSITIONS,
      locateText: noText,
    };
  }
  const problems: Problem[] = [];
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return [line, col];
  };
  for (const error of doc.errors) {
    const [line, column] = pos(error.pos[0]);
    const key =
      error.code === 'DUPLICATE_KEY'
        ? /^[^:\r\n]+/.exec(text.slice(error.pos[0]))?.[0]?.trim()
        : undefined;
    problems.push({
      line,
      column,
      rule: 'yaml/syntax',
      message: key
        ? `Duplicate field "${key}"; each field may appear once`
        : yamlMessage(error.code, error.message),
    });
  }
  let cached: Positions | undefined;
  const positions = () => (cached ??= collectPositions(doc.contents, pos));
  const locateText = (path: readonly (string | number)[], needle: string) => {
    const range = positions().ranges?.[path.join('.')];
    if (!range || needle === '') return undefined;
    const at = text.indexOf(needle, range[0]);
    return at !== -1 && at + needle.length <= range[1] ? pos(at) : undefined;
  };
  if (problems.length === 0) problems.push(...refusedTags(doc, pos), ...aliasBomb(doc, pos));
  if (problems.length > 0)
    return { data: undefined, problems, positions: () => NO_POSITIONS, locateText: noText };
  let data: unknown;
  try {
    // Aliases are limited by aliasBomb above, by what they add rather than by their number.
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    problems.push({
      line: 1,
      column: 1,
      rule: 'yaml/syntax',
      message: `YAML could not be read: ${(error as Error).message}`,
    });
    return { data: undefined, problems, positions: () => NO_POSITIONS, locateText: noText };
  }
  if (data === null || data === undefined)
    return { data: undefined, problems, positions, locateText };
  if (typeof data !== 'object' || Array.isArray(data))
    return { data: undefined, problems: [notAMapping()], positions, locateText };
  return { data: data as Record<string, unknown>, problems, positions, locateText };
}

/**
 * A linear look at the YAML text before either parser sees it: lists and mappings nested past
 * MAX_YAML_DEPTH (`[[[[…`, or `- - - …` on one line) or block keys and items indented past
 * MAX_YAML_INDENT would overflow the parsers' stacks. Quoted text and comments are skipped.
 */
function tooDeep(text: string): Problem | undefined {
  let flow = 0;
  let line = 1;
  let lineStart = 0;
  let quote = 0;
  const problem = (at: number, what: string): Problem => ({
    line,
    column: at - lineStart + 1,
    rule: 'yaml/too-deep',
    message: `${what}; expected lists and mappings nested at most ${MAX_YAML_DEPTH} deep`,
  });
  // The first line is checked as if a line break came before it.
  for (let i = -1; i < text.length; i++) {
    const c = i === -1 ? 10 : text.charCodeAt(i);
    if (c === 10) {
      if (i !== -1) line++;
      lineStart = i + 1;
      // A line that starts at column 0 starts a new field: no quoted text runs on into it
      // (an apostrophe in a block scalar looked like an opening quote).
      const first = text.charCodeAt(i + 1);
      if (first !== 0x20 && first !== 0x09 && first !== 10 && first !== 13) quote = 0;
      if (quote) continue;
      // Block nesting on this line: its indentation and its "- " items.
      let k = i + 1;
      while (text.charCodeAt(k) === 0x20) k++;
      const indent = k - lineStart;
      const nested = indicators(text, k);
      if (nested)
        return problem(nested, `Found more than ${MAX_YAML_DEPTH} "- ", "? " or ": " on one line`);
      if (
        indent > MAX_YAML_INDENT &&
        /^(?:- |[^\s#:][^:\n]*:(?:[ \r\n]|$))/.test(text.slice(k, k + 200))
      )
        return problem(
          k,
          `Found a key or list item indented ${indent} columns (nesting that deep)`,
        );
      continue;
    }
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 0x5c && quote === 0x22) i++;
      continue;
    }
    if (c === 0x22 || c === 0x27) {
      const before = text.charCodeAt(i - 1);
      if (
        i === 0 ||
        before === 0x20 ||
        before === 0x5b ||
        before === 0x7b ||
        before === 0x2c ||
        before === 0x3a ||
        before === 10
      )
        quote = c;
    } else if (
      c === 0x23 &&
      (i === 0 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 10)
    ) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++flow > MAX_YAML_DEPTH)
        return problem(
          i,
          `Found lists or mappings ("[" and "{") nested more than ${MAX_YAML_DEPTH} deep`,
        );
    } else if (c === 0x5d || c === 0x7d) flow = Math.max(0, flow - 1);
  }
  return undefined;
}

/**
 * Where a line (from `k`) holds more than MAX_YAML_DEPTH block indicators ("- ", "? ", ": "),
 * each of which can open a nested list or mapping on the same line, or 0.
 */
function indicators(text: string, k: number): number {
  let count = 0;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) return 0;
    if (c !== 0x2d && c !== 0x3f && c !== 0x3a) continue;
    const after = text.charCodeAt(k + 1);
    if (after !== 0x20 && after !== 0x09 && after !== 10 && k + 1 < text.length) continue;
    if (++count > MAX_YAML_DEPTH) return k;
  }
  return 0;
}

/** Each value with a tag other than the core ones (!!binary, !!timestamp, !custom …). */
function refusedTags(doc: Document, pos: (o: number) => Position): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Node(_, node) {
      if (!node.tag || CORE_TAGS.has(node.tag) || !node.range) return;
      const [line, column] = pos(node.range[0]);
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      problems.push({
        line,
        column,
        rule: 'yaml/syntax',
        message: `Unexpected tag ${tag}; expected a plain value (text, a number, true or false, a list or a mapping) without a tag`,
      });
    },
  });
  return problems;
}

/**
 * Counts the values the aliases of a document add when it is read (an alias repeats its
 * anchor's whole value, aliases inside it included) and refuses the document, at the alias that
 * goes past MAX_ALIAS_VALUES, when they add more: ordinary aliases add a few values, a
 * "billion laughs" bomb billions from a few lines. Linear: each anchored value is sized once.
 */
function aliasBomb(doc: Document, pos: (o: number) => Position): Problem[] {
  const sizes = new Map<Node, number>();
  const sizing = new Set<Node>();
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return target ? size(target) : 1;
    }
    if (!isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (sizing.has(node)) return Infinity; // an alias inside its own anchor
    sizing.add(node);
    let total = 1;
    for (const item of node.items as unknown[])
      total += isPair(item) ? size(item.key) + size(item.value) : size(item);
    sizing.delete(node);
    sizes.set(node, total);
    return total;
  };
  let added = 0;
  let problem: Problem | undefined;
  visit(doc, {
    Alias(_, node) {
      added += size(node);
      if (added <= MAX_ALIAS_VALUES || !node.range) return;
      const [line, column] = pos(node.range[0]);
      problem = {
        line,
        column,
        rule: 'yaml/aliases',
        message: `Aliases (*${node.source}) that repeat more than ${MAX_ALIAS_VALUES.toLocaleString('en-GB')} values in all, as a "billion laughs" attack does; expected the values written out, or fewer aliases`,
      };
      return visit.BREAK;
    },
  });
  return problem ? [problem] : [];
}

function collectPositions(root: Node | null, pos: (o: number) => Position): Positions {
  const values: Record<string, Position> = {};
  const keys: Record<string, Position> = {};
  const spans: Record<string, [number, number]> = {};
  const ranges: Record<string, [number, number]> = {};
  const walk = (node: Node | null, at: string): void => {
    if (!node) return;
    if (node.range) {
      values[at] = pos(node.range[0]);
      ranges[at] = [node.range[0], node.range[1]];
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const path = at === '' ? key : `${at}.${key}`;
        if (keyNode?.range) keys[path] = pos(keyNode.range[0]);
        const value = pair.value as Node | null;
        if (value?.range) walk(value, path);
        else if (keyNode?.range) values[path] = pos(keyNode.range[0]);
        if (at === '' && keyNode?.range)
          spans[key] = [
            pos(keyNode.range[0])[0],
            pos(Math.max(keyNode.range[1], value?.range?.[1] ?? 0) - 1)[0],
          ];
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) =>
        walk(item as Node, at === '' ? String(index) : `${at}.${index}`),
      );
    }
  };
  walk(root, '');
  return { values, keys, spans, ranges };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'Tab used for indentation; expected spaces';
    default:
      return `YAML syntax error: ${first}`;
  }
}

/** Position of a path: the value (or key), else the nearest existing parent, else the file (line 1). */
export function locate(
  positions: Pick<Positions, 'values' | 'keys'>,
  path: readonly (string | number)[],
  atKey = false,
): Position {
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    const hit = atKey && n === path.length ? positions.keys[key] : positions.values[key];
    if (hit) return hit;
  }
  return [1, 1];
}
