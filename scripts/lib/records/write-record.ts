/**
 * A record as the text of its file: YAML for .yaml records, Markdown with YAML frontmatter for
 * .md records. Used by `npm run new`, `npm run import` and the issue-to-pull-request bot, so a
 * record looks the same whichever way it came in. YAML 1.2 output (the `yaml` package): dates
 * stay plain `2025-03-14`, any text that needs quoting is quoted, lists are block lists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { layouts, type CollectionName } from '../../../schemas/layout.ts';

const YAML_OPTIONS = { lineWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN' } as const;

export function yamlText(data: Record<string, unknown>): string {
  return stringify(data, YAML_OPTIONS);
}

export function recordText(
  collection: CollectionName,
  data: Record<string, unknown>,
  body?: string,
): string {
  const yaml = yamlText(data);
  if (layouts[collection].extension === '.yaml') return yaml;
  const text = (body ?? '').replace(/\r\n?/g, '\n').trim();
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}

/** Writes a new record file; refuses to overwrite one that exists. */
export function writeNewRecord(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { flag: 'wx' });
}
