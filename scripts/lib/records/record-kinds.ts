/**
 * The kinds of record a person can create (with `npm run new`, an issue form or a CSV import),
 * each mapped onto its collection: which fields are fixed, which are left out of the question
 * list, and which `##` body sections it asks for. Everything else comes from the zod schema.
 */
import {
  actionNoteSections,
  lessonSections,
  type CollectionName,
} from '../../../schemas/layout.ts';
import { ACTION_NOTE_ID, KEBAB_ID } from '../../../schemas/ids.ts';
import { criteriaByKind, type Vocabulary } from '../../../schemas/vocabularies.ts';

export const RECORD_KINDS = [
  'lesson',
  'notable-practice',
  'action-note',
  'event',
  'organisation',
  'assurance-return',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordKindSpec {
  kind: RecordKind;
  collection: CollectionName;
  /** A phrase for messages and titles ("a lesson identified"). */
  title: string;
  /** Values set by the kind itself (never asked). */
  fixed: Record<string, unknown>;
  /** Schema fields never asked (set later by reviewers, or not meaningful on creation). */
  omit: readonly string[];
  /** Required `##` sections of the body (Markdown records only). */
  sections: readonly string[];
  /** Vocabularies narrower than the schema's enum for this kind. */
  vocabularies?: Record<string, Vocabulary>;
  /** Answers that place the record (its id or folder) rather than fill a field. */
  locators: readonly Locator[];
}

export interface Locator {
  name: string;
  required: boolean;
  description: string;
  pattern: RegExp;
}

const REVIEWER_FIELDS = ['published', 'status', 'superseded_by', 'personal_data_exceptions'];

export const recordKinds: Record<RecordKind, RecordKindSpec> = {
  lesson: {
    kind: 'lesson',
    collection: 'lessons',
    title: 'lesson identified',
    fixed: { kind: 'lesson-identified' },
    omit: ['kind', ...REVIEWER_FIELDS],
    sections: lessonSections['lesson-identified']!,
    vocabularies: { criteria: criteriaByKind['lesson-identified']! },
    locators: [],
  },
  'notable-practice': {
    kind: 'notable-practice',
    collection: 'lessons',
    title: 'notable practice',
    fixed: { kind: 'notable-practice' },
    omit: ['kind', ...REVIEWER_FIELDS],
    sections: lessonSections['notable-practice']!,
    vocabularies: { criteria: criteriaByKind['notable-practice']! },
    locators: [],
  },
  'action-note': {
    kind: 'action-note',
    collection: 'action-notes',
    title: 'action note',
    fixed: {},
    omit: ['status', 'personal_data_exceptions'],
    sections: actionNoteSections,
    locators: [
      {
        name: 'id',
        required: false,
        pattern: ACTION_NOTE_ID,
        description:
          'The note number, YYYY-NNN; when left out, the next free number in the year of issue.',
      },
    ],
  },
  event: {
    kind: 'event',
    collection: 'events',
    title: 'event',
    fixed: {},
    omit: ['personal_data_exceptions'],
    sections: [],
    locators: [],
  },
  organisation: {
    kind: 'organisation',
    collection: 'organisations',
    title: 'organisation',
    fixed: {},
    omit: ['personal_data_exceptions'],
    sections: [],
    locators: [
      {
        name: 'id',
        required: false,
        pattern: KEBAB_ID,
        description:
          'The id in kebab-case, such as greater-manchester-police; when left out, made from the name.',
      },
    ],
  },
  'assurance-return': {
    kind: 'assurance-return',
    collection: 'assurance',
    title: 'assurance return',
    fixed: {},
    omit: ['personal_data_exceptions'],
    sections: [],
    locators: [
      {
        name: 'action_note',
        required: true,
        pattern: ACTION_NOTE_ID,
        description: 'The id of the action note the return answers, such as 2025-002.',
      },
      {
        name: 'organisation',
        required: true,
        pattern: KEBAB_ID,
        description: 'The id of your organisation, such as greater-manchester-police.',
      },
    ],
  },
};

export function isRecordKind(value: string): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value);
}

/** The answer key of a body section ("What happened" → "section-what-happened"). */
export function sectionKey(section: string): string {
  return `section-${section
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
