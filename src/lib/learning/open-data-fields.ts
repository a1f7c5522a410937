/**
 * The field documentation of the open data page, generated from the JSON Schemas (which come
 * from the zod schemas, so the page never drifts from the records): one row per field of the
 * JSON export, nested fields of lists of objects as `recommendations[].id`, and the fields the
 * build adds (ids, the resolved published date, the body).
 */
import { jsonSchemaFor, schemaFileNames } from '../../../scripts/lib/json-schema.ts';
import { type Dataset, csvHeader, fieldsOf } from './open-data.ts';

export interface FieldDoc {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

type JsonSchema = {
  type?: string;
  enum?: string[];
  format?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  default?: unknown;
};

/** Fields every export adds to what the files hold. */
const DERIVED: Record<Dataset, FieldDoc[]> = {
  lessons: [
    {
      name: 'id',
      type: 'text',
      required: true,
      description: 'The lesson id: its file name without .md (YYYY-MM-DD-slug).',
    },
  ],
  'action-notes': [
    {
      name: 'id',
      type: 'text',
      required: true,
      description: 'The action note id: its file name without .md (YYYY-NNN).',
    },
  ],
  assurance: [
    {
      name: 'action_note',
      type: 'text',
      required: true,
      description: 'The id of the action note the return answers (its folder name).',
    },
    {
      name: 'organisation',
      type: 'text',
      required: true,
      description: 'The id of the organisation that made the return (its file name without .yaml).',
    },
  ],
  events: [
    {
      name: 'id',
      type: 'text',
      required: true,
      description: 'The event id: its file name without .yaml (YYYY-MM-DD-slug).',
    },
  ],
  organisations: [
    {
      name: 'id',
      type: 'text',
      required: true,
      description: 'The organisation id: its file name without .yaml.',
    },
  ],
};

/** Overrides where the export holds more than the file. */
const RESOLVED: Partial<Record<Dataset, Record<string, FieldDoc>>> = {
  lessons: {
    published: {
      name: 'published',
      type: 'date (YYYY-MM-DD)',
      required: true,
      description:
        'When the lesson was published: the date in the file, else the day the file first reached the main branch in Git history, else the submitted date. Always present in the export.',
    },
  },
};
const EXTRA: Partial<Record<Dataset, FieldDoc[]>> = {
  lessons: [
    {
      name: 'body',
      type: 'Markdown text',
      required: true,
      description: 'The body of the lesson file, in Markdown, with its sections.',
    },
  ],
};

export function typeText(s: JsonSchema): string {
  if (s.enum) return `one of: ${s.enum.join(', ')}`;
  if (s.type === 'string' && s.format === 'date') return 'date (YYYY-MM-DD)';
  if (s.type === 'string') return 'text';
  if (s.type === 'boolean')
    return `true or false${s.default !== undefined ? ` (default ${String(s.default)})` : ''}`;
  if (s.type === 'array')
    return s.items?.type === 'object'
      ? 'list of objects'
      : `list; each ${s.items ? typeText(s.items) : 'value'}`;
  if (s.type === 'object') return 'object';
  return s.type ?? 'value';
}

export function fieldDocs(name: Dataset): FieldDoc[] {
  const schema = jsonSchemaFor(name) as JsonSchema;
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const out: FieldDoc[] = [...DERIVED[name]];
  for (const field of fieldsOf(name)) {
    const s = properties[field];
    if (!s) continue;
    const resolved = RESOLVED[name]?.[field];
    out.push(
      resolved ?? {
        name: field,
        type: typeText(s),
        required: required.has(field) || s.default !== undefined,
        description: s.description ?? '',
      },
    );
    if (s.type === 'array' && s.items?.type === 'object') {
      const itemRequired = new Set(s.items.required ?? []);
      for (const [sub, ss] of Object.entries(s.items.properties ?? {})) {
        out.push({
          name: `${field}[].${sub}`,
          type: typeText(ss),
          required: itemRequired.has(sub),
          description: ss.description ?? '',
        });
      }
    }
  }
  out.push(...(EXTRA[name] ?? []));
  return out;
}

/** The JSON Schema file published beside a dataset. */
export function schemaFileOf(name: Dataset): string {
  return `${schemaFileNames[name]}.schema.json`;
}

export { csvHeader };
