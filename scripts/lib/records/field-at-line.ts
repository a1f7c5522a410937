/**
 * Which top-level field (or `## section`) of a generated record file a line belongs to, so that a
 * validator finding can be reported against the answer it came from (a form field, a CSV column).
 */
export interface FieldAtLine {
  /** The top-level key, e.g. "title". */
  key?: string;
  /** The `##` section heading, e.g. "What happened". */
  section?: string;
  /** For an item of a top-level list of mappings, the index of the item. */
  item?: number;
}

export function fieldAtLine(text: string, line: number): FieldAtLine {
  const lines = text.split('\n');
  let item = -1;
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const l = lines[i]!;
    const heading = /^## (.+)$/.exec(l);
    if (heading) return { section: heading[1]!.trim() };
    if (/^ {2}- /.test(l)) item++;
    const key = /^([a-z_]+):/.exec(l);
    if (key) {
      if (item < 0) return { key: key[1]! };
      let index = 0;
      for (let j = i + 1; j < Math.min(line, lines.length); j++)
        if (/^ {2}- /.test(lines[j]!)) index++;
      return { key: key[1]!, item: index - 1 };
    }
    if (l === '---' && i > 0) return {};
  }
  return {};
}

/** The field a "Missing …" message names, when the finding is about the file as a whole. */
export function fieldInMessage(message: string): string | undefined {
  const m = /^Missing (?:required field "([a-z_]+)"|([a-z_]+):)/.exec(message);
  return m ? (m[1] ?? m[2]) : undefined;
}
