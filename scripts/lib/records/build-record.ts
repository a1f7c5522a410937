/**
 * Turns answers — from an issue form, a CSV row, prompts or command-line flags — into a record:
 * its collection, id, frontmatter data (in schema order) and Markdown body. Text is trimmed,
 * lists are split, vocabulary names are mapped to their ids; anything that cannot be read is
 * kept as given, so that the validator reports it with what was expected. Nothing here decides
 * whether the record is valid: the validator does.
 */
import type { CollectionName } from '../../../schemas/layout.ts';
import type { Vocabulary } from '../../../schemas/vocabularies.ts';
import { fieldsFor, type FieldSpec } from './field-spec.ts';
import { recordId } from './record-id.ts';
import { recordKinds, sectionKey, type RecordKind } from './record-kinds.ts';

export type Answers = Record<string, unknown>;

export interface BuiltRecord {
  kind: RecordKind;
  collection: CollectionName;
  id: string;
  data: Record<string, unknown>;
  /** Markdown body for .md records. */
  body?: string;
}

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** One vocabulary term from an id, a name, or a "Name (id)" label; the input itself when none fits. */
export function termOf(value: string, vocab: Vocabulary): string {
  const text = value.trim();
  if (vocab.has(text)) return text;
  const lower = text.toLowerCase();
  const byName = vocab.terms.find((t) => t.name.toLowerCase() === lower || t.id === lower);
  if (byName) return byName.id;
  const labelled = [...text.matchAll(/\(([a-z0-9-]+)\)/g)]
    .map((m) => m[1]!)
    .filter((id) => vocab.has(id));
  return labelled.length === 1 ? labelled[0]! : text;
}

/** Several terms: an array, or text separated by commas, semicolons or new lines ("Name (id)" labels may hold commas). */
export function termsOf(value: unknown, vocab: Vocabulary): unknown {
  if (Array.isArray(value))
    return (value as unknown[]).map((v) => (typeof v === 'string' ? termOf(v, vocab) : v));
  if (typeof value !== 'string') return value;
  const labelled = [...value.matchAll(/\(([a-z0-9-]+)\)/g)]
    .map((m) => m[1]!)
    .filter((id) => vocab.has(id));
  if (labelled.length > 0) return labelled;
  return splitList(value).map((v) => termOf(v, vocab));
}

export function splitList(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map((s) => s.trim().replace(/^[-*]\s+/, ''))
    .filter(Boolean);
}

function booleanOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['yes', 'y', 'true'].includes(v)) return true;
  if (['no', 'n', 'false'].includes(v)) return false;
  return value;
}

/** Text with Windows line ends made plain and the ends trimmed. */
function textOf(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;
}

/** The value of one field from its answer, or undefined when the answer is blank. */
export function valueOf(field: FieldSpec, answer: unknown): unknown {
  if (isBlank(answer)) return undefined;
  switch (field.type) {
    case 'text':
    case 'date':
    case 'long-text':
      return textOf(answer);
    case 'boolean':
      return booleanOf(answer);
    case 'choice':
      return typeof answer === 'string' ? termOf(answer, field.vocabulary!) : answer;
    case 'choices':
      return termsOf(answer, field.vocabulary!);
    case 'list':
      return typeof answer === 'string' ? splitList(answer) : answer;
    case 'objects':
      if (!Array.isArray(answer)) return answer;
      return (answer as unknown[]).map((item) => {
        if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
        const out: Record<string, unknown> = {};
        for (const sub of field.items ?? []) {
          const v = valueOf(sub, (item as Answers)[sub.name]);
          if (v !== undefined) out[sub.name] = v;
        }
        return out;
      });
  }
}

/** The Markdown body: each required section as `## Heading` and its text. */
export function bodyOf(sections: readonly string[], answers: Answers): string {
  return sections
    .map((section) => {
      const text = answers[sectionKey(section)];
      const content = typeof text === 'string' ? text.replace(/\r\n?/g, '\n').trim() : '';
      return `## ${section}\n\n${content}\n`;
    })
    .join('\n');
}

/** The data of a record (schema order, blanks left out) from the answers. */
export function dataOf(kind: RecordKind, answers: Answers): Record<string, unknown> {
  const spec = recordKinds[kind];
  const data: Record<string, unknown> = {};
  const fixed = spec.fixed;
  for (const [key, value] of Object.entries(fixed)) data[key] = value;
  for (const field of fieldsFor(kind)) {
    const value = valueOf(field, answers[field.name]);
    if (value !== undefined) data[field.name] = value;
  }
  return data;
}

/** Builds the record; throws RecordIdError when its id (file name) cannot be made. */
export function buildRecord(kind: RecordKind, answers: Answers, root: string): BuiltRecord {
  const spec = recordKinds[kind];
  const data = dataOf(kind, answers);
  const locators = Object.fromEntries(
    spec.locators.map((l) => [
      l.name,
      typeof answers[l.name] === 'string' ? (answers[l.name] as string).trim() : answers[l.name],
    ]),
  );
  const id = recordId(spec.collection, data, locators, root);
  const record: BuiltRecord = { kind, collection: spec.collection, id, data };
  if (spec.sections.length > 0) record.body = bodyOf(spec.sections, answers);
  return record;
}
