/**
 * Parses a record's text into data plus a position map, so that every later check can report
 * the line and column of the value (or key) it is about. Markdown records are split with
 * gray-matter; YAML (frontmatter and .yaml records) is parsed with `yaml`, which keeps dates as
 * strings (no silent date conversion), rejects duplicate keys and limits aliases (YAML bombs).
 */
import matter from 'gray-matter';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';

export type Position = [line: number, column: number];

export interface ParsedRecord {
  /** The parsed data, or undefined when YAML failed to parse or was not a mapping. */
  data: Record<string, unknown> | undefined;
  /** Markdown body (after the frontmatter), for .md records. */
  body?: string;
  /** 1-based line where the body starts. */
  bodyLine?: number;
  /** Value positions by dotted path ("related.1", "recommendations.0.due"). */
  values: Record<string, Position>;
  /** Key positions by dotted path. */
  keys: Record<string, Position>;
  /** First and last line of each top-level field (key to end of value). */
  spans?: Record<string, [number, number]>;
  problems: { line: number; column: number; rule: string; message: string }[];
}

const YAML_OPTIONS = { uniqueKeys: true, maxAliasCount: 50, prettyErrors: false, strict: true } as const;

export function parseRecord(text: string, kind: 'markdown' | 'yaml'): ParsedRecord {
  if (kind === 'yaml') return parseYaml(text, 0);
  if (!/^---[ \t]*\r?\n/.test(text)) {
    return {
      data: undefined,
      values: {},
      keys: {},
      problems: [{ line: 1, column: 1, rule: 'frontmatter/missing', message: 'Missing frontmatter; expected the file to start with a line "---", the fields, and a closing "---"' }],
    };
  }
  const split = splitFrontmatter(text);
  if (!split) {
    return {
      data: undefined,
      values: {},
      keys: {},
      problems: [{ line: 1, column: 1, rule: 'frontmatter/missing', message: 'Frontmatter is not closed; expected a line "---" after the fields' }],
    };
  }
  const { yamlText, body, bodyLine } = split;
  const parsed = parseYaml(yamlText, 0);
  if (yamlText.trim() === '') {
    parsed.problems.push({ line: 1, column: 1, rule: 'frontmatter/missing', message: 'Frontmatter is empty; expected the record fields between the "---" lines' });
  }
  return { ...parsed, body, bodyLine };
}

/**
 * Splits a Markdown record into its frontmatter YAML and its body (with the body's first line
 * number), or undefined when the frontmatter is missing or not closed.
 */
export function splitFrontmatter(text: string): { yamlText: string; body: string; bodyLine: number } | undefined {
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

function parseYaml(text: string, lineOffset: number): ParsedRecord {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const problems: ParsedRecord['problems'] = [];
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return [line + lineOffset, col];
  };
  for (const error of doc.errors) {
    const [line, column] = pos(error.pos[0]);
    const key = error.code === 'DUPLICATE_KEY' ? /^[^:\r\n]+/.exec(text.slice(error.pos[0]))?.[0]?.trim() : undefined;
    problems.push({ line, column, rule: 'yaml/syntax', message: key ? `Duplicate field "${key}"; each field may appear once` : yamlMessage(error.code, error.message) });
  }
  const values: Record<string, Position> = {};
  const keys: Record<string, Position> = {};
  if (problems.length > 0) return { data: undefined, values, keys, problems };
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
    return { data: undefined, values, keys, problems };
  }
  if (data === null || data === undefined) return { data: undefined, values, keys, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ line: 1, column: 1, rule: 'yaml/not-a-mapping', message: 'Expected the fields of a record (key: value lines), found a single value or a list' });
    return { data: undefined, values, keys, problems };
  }
  walk(doc.contents as Node | null, '', values, keys, pos);
  const spans: Record<string, [number, number]> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const k = pair.key as Node | null;
      const v = pair.value as Node | null;
      if (isScalar(k) && k.range) spans[String(k.value)] = [pos(k.range[0])[0], pos(Math.max(k.range[1], v?.range?.[1] ?? 0) - 1)[0]];
    }
  }
  return { data: data as Record<string, unknown>, values, keys, problems, spans };
}

function walk(node: Node | null, at: string, values: Record<string, Position>, keys: Record<string, Position>, pos: (o: number) => Position): void {
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
      if (value?.range) walk(value, path, values, keys, pos);
      else if (keyNode?.range) values[path] = pos(keyNode.range[0]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => walk(item as Node, at === '' ? String(index) : `${at}.${index}`, values, keys, pos));
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `Duplicate field: ${first.replace(/^Map keys must be unique/, 'each field may appear once')}`;
    case 'RESOURCE_EXHAUSTION':
      return `YAML uses too many aliases (${first}); write the values out instead`;
    case 'TAB_AS_INDENT':
      return 'Tab used for indentation; expected spaces';
    default:
      return `YAML syntax error: ${first}`;
  }
}

/** Position of a path: the value (or key), else the nearest existing parent, else the file (line 1). */
export function locate(record: Pick<ParsedRecord, 'values' | 'keys'>, path: readonly (string | number)[], atKey = false): Position {
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    const hit = atKey && n === path.length ? record.keys[key] : record.values[key];
    if (hit) return hit;
  }
  return [1, 1];
}
