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
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
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

export function parseRecord(text: string, kind: 'markdown' | 'yaml'): ParsedRecord {
  if (kind === 'yaml') return parseYaml(text);
  const fail = (message: string): ParsedRecord => ({
    data: undefined,
    problems: [{ line: 1, column: 1, rule: 'frontmatter/missing', message }],
    positions: () => NO_POSITIONS,
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
  if (!ANCHOR_OR_ALIAS.test(text)) {
    let data: unknown;
    let ok = true;
    try {
      data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
    } catch {
      ok = false; // The careful parser below says what and where.
    }
    if (ok) {
      let cached: Positions | undefined;
      const positions = () => (cached ??= parseCarefully(text).positions());
      if (data === null || data === undefined) return { data: undefined, problems: [], positions };
      if (typeof data !== 'object' || Array.isArray(data))
        return { data: undefined, problems: [notAMapping()], positions };
      return { data: data as Record<string, unknown>, problems: [], positions };
    }
  }
  return parseCarefully(text);
}

/** The `yaml` package: exact error messages and positions, limited aliases. */
function parseCarefully(text: string): ParsedRecord {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
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
  const positions = () => (cached ??= collectPositions(doc.contents as Node | null, pos));
  if (problems.length > 0) return { data: undefined, problems, positions: () => NO_POSITIONS };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    const message = (error as Error).message;
    problems.push({
      line: 1,
      column: 1,
      rule: 'yaml/syntax',
      message: /alias/i.test(message)
        ? 'YAML uses too many aliases (*name references), as a "billion laughs" attack does; write the values out instead'
        : `YAML could not be read: ${message}`,
    });
    return { data: undefined, problems, positions: () => NO_POSITIONS };
  }
  if (data === null || data === undefined) return { data: undefined, problems, positions };
  if (typeof data !== 'object' || Array.isArray(data))
    return { data: undefined, problems: [notAMapping()], positions };
  return { data: data as Record<string, unknown>, problems, positions };
}

function collectPositions(root: Node | null, pos: (o: number) => Position): Positions {
  const values: Record<string, Position> = {};
  const keys: Record<string, Position> = {};
  const spans: Record<string, [number, number]> = {};
  const walk = (node: Node | null, at: string): void => {
    if (!node) return;
    if (node.range) values[at] = pos(node.range[0]);
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
  return { values, keys, spans };
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
