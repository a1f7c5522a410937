/**
 * The columns of a lesson CSV, derived from the lesson schema and the vocabularies (through
 * field-spec.ts): `kind`, every field a submitter gives, and the `##` body sections of each
 * kind. The import reads headers with them and `npm run import -- --help` describes them, so
 * the two never disagree with the schema.
 */
import { stringify } from 'csv-stringify/sync';
import { KEBAB_ID, LESSON_ID } from '../../../schemas/ids.ts';
import { lessonSections } from '../../../schemas/layout.ts';
import { lessonKinds, type Vocabulary } from '../../../schemas/vocabularies.ts';
import { jsonSchemaFor } from '../json-schema.ts';
import { fieldsFor, type FieldSpec } from '../records/field-spec.ts';
import { sectionKey } from '../records/record-kinds.ts';

export interface LessonColumn {
  /** The header as written in the help and the example ("Submitted by"). */
  header: string;
  /** The answer key the column fills ("submitted_by", "section-what-happened"). */
  key: string;
  /** "required", "optional", or for which kind the column is required. */
  required: string;
  /** The value expected, in words. */
  format: string;
  description: string;
}

/** Header names are compared in this form: trimmed, lower case, spaces and hyphens as "_". */
export const normalHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const KIND_NAMES: Record<string, string> = {
  'lesson-identified': 'a lesson identified',
  'notable-practice': 'a notable practice',
};

const headerOf = (name: string) => {
  const words = name.replace(/_/g, ' ');
  return words[0]!.toUpperCase() + words.slice(1);
};

function patternWords(pattern: string | undefined): string {
  if (pattern === KEBAB_ID.source)
    return 'an id in kebab-case (lower-case words joined by hyphens)';
  if (pattern === LESSON_ID.source) return 'an id: a date and kebab-case words (YYYY-MM-DD-words)';
  return pattern ? `text matching ${pattern}` : 'text';
}

const terms = (v: Vocabulary) => v.ids.join(', ');

function formatOf(field: FieldSpec, vocabularies: Map<string, Vocabulary>): string {
  const length =
    field.minLength !== undefined && field.maxLength !== undefined
      ? `, ${field.minLength} to ${field.maxLength} characters`
      : '';
  switch (field.type) {
    case 'text':
      return field.pattern ? patternWords(field.pattern) : `one line of text${length}`;
    case 'long-text':
      return `text${length}`;
    case 'date':
      return 'a date, YYYY-MM-DD';
    case 'boolean':
      return `yes or no${field.default === undefined ? '' : ` (blank: ${field.default ? 'yes' : 'no'})`}`;
    case 'choice':
      return `one of: ${terms(field.vocabulary!)}`;
    case 'choices': {
      // The criteria differ by kind: each kind's list is given.
      const byKind = vocabularies.get(field.name);
      const list = byKind
        ? Object.entries(lessonSections)
            .map(([kind]) => `for ${KIND_NAMES[kind]}: ${terms(fieldFor(kind, field.name)!)}`)
            .join('; ')
        : terms(field.vocabulary!);
      return `one or more, separated by ";" (ids or names), of: ${list}`;
    }
    case 'list':
      return `one or more, separated by ";", each ${patternWords(field.pattern)}${field.maxItems ? `; at most ${field.maxItems}` : ''}`;
    case 'objects':
      return 'not importable from a CSV cell';
  }
}

function fieldFor(kind: string, name: string): Vocabulary | undefined {
  const recordKind = kind === 'lesson-identified' ? 'lesson' : 'notable-practice';
  return fieldsFor(recordKind).find((f) => f.name === name)?.vocabulary;
}

let memo: LessonColumn[] | undefined;

/** Every column, in schema order: kind, the fields, then each kind's body sections. */
export function lessonColumns(): LessonColumn[] {
  if (memo) return memo;
  const kindSchema = (
    jsonSchemaFor('lessons') as { properties: Record<string, { description?: string }> }
  ).properties.kind;
  const columns: LessonColumn[] = [
    {
      header: 'Kind',
      key: 'kind',
      required: 'required',
      format: `one of: ${lessonKinds.terms.map((t) => `${t.id} (or "${t.name}")`).join(', ')}`,
      description: kindSchema?.description ?? '',
    },
  ];
  const lesson = fieldsFor('lesson');
  const practice = new Map(fieldsFor('notable-practice').map((f) => [f.name, f]));
  // A field whose choices differ between the two kinds (the criteria).
  const differing = new Map<string, Vocabulary>();
  for (const f of lesson) {
    const other = practice.get(f.name)?.vocabulary;
    if (f.vocabulary && other && f.vocabulary.ids.join() !== other.ids.join())
      differing.set(f.name, f.vocabulary);
  }
  for (const f of lesson)
    columns.push({
      header: headerOf(f.name),
      key: f.name,
      required: f.required ? 'required' : 'optional',
      format: formatOf(f, differing),
      description: f.description,
    });
  for (const [kind, sections] of Object.entries(lessonSections))
    for (const s of sections)
      columns.push({
        header: s,
        key: sectionKey(s),
        required: `required for ${KIND_NAMES[kind]}, empty otherwise`,
        format: 'Markdown text; paragraphs separated by a blank line',
        description: `The body section "## ${s}" of ${KIND_NAMES[kind]}.`,
      });
  return (memo = columns);
}

/** The answer key of each header a CSV may use, by its normal form (field names and headers). */
export function knownHeaders(): Map<string, string> {
  const known = new Map<string, string>();
  for (const c of lessonColumns()) {
    known.set(normalHeader(c.key), c.key);
    known.set(normalHeader(c.header), c.key);
  }
  return known;
}

/** One lesson identified, as an example row (checked by the import's tests). */
const EXAMPLE: Record<string, string> = {
  kind: 'Lesson identified',
  title: 'Radio talkgroup opened late at a flooding exercise',
  summary:
    'During a multi-agency flooding exercise the interoperability talkgroup was opened only after the first joint meeting.',
  date: '2025-10-08',
  source: 'exercise',
  submitted_by: 'greater-manchester-police',
  organisations: 'greater-manchester-police; north-west-ambulance-service',
  submitted: '2025-11-01',
  criteria: 'interoperability',
  principles: 'communicate; co-locate',
  classification: 'official',
  public: 'yes',
  [sectionKey('What happened')]: 'The talkgroup was opened only after the first joint meeting.',
  [sectionKey('Why it matters')]: 'Messages between commanders were delayed.',
  [sectionKey('Recommendation')]: 'Open the talkgroup at the start of every exercise.',
};

/** The example as CSV: a header of the columns it fills, and its row. */
export function exampleCsv(): string {
  const columns = lessonColumns().filter((c) => c.key in EXAMPLE);
  return stringify([columns.map((c) => c.header), columns.map((c) => EXAMPLE[c.key]!)]);
}

/** The help text of `npm run import -- --help`. */
export function importHelp(usage: string): string {
  const lines = [
    usage.trimEnd(),
    '',
    'Imports lessons from a CSV file (UTF-8, comma-separated, a header row naming the columns).',
    'Every row is checked by the validator with the whole content root; the files are written',
    'only when no row has an error (--check reports without writing). Headers may be written as',
    'below, or as the field names (submitted_by), in any case. Lists in a cell are separated',
    'by semicolons, commas or new lines; vocabulary terms may be given by id or name.',
    '',
    'Columns:',
  ];
  for (const c of lessonColumns()) {
    lines.push(
      `  ${c.header} (${c.key.startsWith('section-') ? 'section' : c.key}) — ${c.required}`,
    );
    lines.push(`      format: ${c.format}`);
    if (c.description) lines.push(`      ${c.description}`);
  }
  lines.push(
    '',
    'Example:',
    '',
    ...exampleCsv()
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`),
    '',
  );
  return `${lines.join('\n')}\n`;
}
