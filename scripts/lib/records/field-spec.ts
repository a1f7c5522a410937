/**
 * The questions to ask for a record kind, derived from its zod schema (through the JSON Schema
 * of scripts/lib/json-schema.ts): each field's type, whether it is required, its help text
 * (the `.describe()` sentence), its choices (the vocabulary whose ids equal the enum) and its
 * bounds. The issue forms, `npm run new` and the CSV import all ask the same questions.
 */
import { jsonSchemaFor } from '../json-schema.ts';
import * as vocabularies from '../../../schemas/vocabularies.ts';
import { vocabulary, type Vocabulary } from '../../../schemas/vocabularies.ts';
import { recordKinds, type RecordKind } from './record-kinds.ts';

export type FieldType =
  /** one line of text (may have a pattern: ids, handles) */
  | 'text'
  /** several lines of plain text */
  | 'long-text'
  | 'date'
  | 'boolean'
  /** one term of a vocabulary */
  | 'choice'
  /** several terms of a vocabulary */
  | 'choices'
  /** several free strings (ids, tags, handles) */
  | 'list'
  /** a list of small records (recommendations, debriefs, returns) */
  | 'objects';

export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  description: string;
  vocabulary?: Vocabulary;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
  /** For `objects`: the fields of each item. */
  items?: FieldSpec[];
}

type JsonSchema = {
  type?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  description?: string;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const knownVocabularies: Vocabulary[] = Object.values(vocabularies).filter(
  (v): v is Vocabulary => typeof v === 'object' && v !== null && 'ids' in v && 'terms' in v,
);

/** The vocabulary whose ids are exactly these enum values (names for the choices), else one made of the ids. */
export function vocabularyFor(values: readonly string[]): Vocabulary {
  const wanted = [...values].sort().join('\n');
  const found = knownVocabularies.find((v) => [...v.ids].sort().join('\n') === wanted);
  if (found) return found;
  const extra: Record<string, string> = { all: 'All organisations' };
  const named = new Map(knownVocabularies.flatMap((v) => v.terms.map((t) => [t.id, t] as const)));
  return vocabulary(values.map((id) => named.get(id) ?? { id, name: extra[id] ?? id }));
}

function fieldOf(
  name: string,
  schema: JsonSchema,
  required: boolean,
  narrower?: Vocabulary,
): FieldSpec {
  const base = {
    name,
    required: required && schema.default === undefined,
    description: schema.description ?? '',
    default: schema.default,
  };
  if (schema.type === 'array' && schema.items) {
    const items = schema.items;
    if (items.type === 'object' && items.properties) {
      return {
        ...base,
        type: 'objects',
        items: fieldsOf(items),
        required: base.required && (schema.minItems ?? 0) > 0,
      };
    }
    if (items.enum)
      return {
        ...base,
        type: 'choices',
        vocabulary: narrower ?? vocabularyFor(items.enum),
        maxItems: schema.maxItems,
      };
    return { ...base, type: 'list', pattern: items.pattern, maxItems: schema.maxItems };
  }
  if (schema.enum)
    return { ...base, type: 'choice', vocabulary: narrower ?? vocabularyFor(schema.enum) };
  if (schema.type === 'boolean') return { ...base, type: 'boolean' };
  if (schema.format === 'date') return { ...base, type: 'date' };
  const long = (schema.maxLength ?? 0) >= 300;
  return {
    ...base,
    type: long ? 'long-text' : 'text',
    pattern: schema.pattern,
    minLength: schema.minLength,
    maxLength: schema.maxLength,
  };
}

function fieldsOf(schema: JsonSchema, narrower: Record<string, Vocabulary> = {}): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, s]) =>
    fieldOf(name, s, required.has(name), narrower[name]),
  );
}

const memo = new Map<RecordKind, FieldSpec[]>();

/** The fields asked for a record kind, in schema order, without the fixed and omitted ones. */
export function fieldsFor(kind: RecordKind): FieldSpec[] {
  let fields = memo.get(kind);
  if (!fields) {
    const spec = recordKinds[kind];
    const skip = new Set([...spec.omit, ...Object.keys(spec.fixed)]);
    fields = fieldsOf(jsonSchemaFor(spec.collection) as JsonSchema, spec.vocabularies).filter(
      (f) => !skip.has(f.name),
    );
    memo.set(kind, fields);
  }
  return fields;
}
