/**
 * The layout of the content root: the five collections, where each lives, how its ids look,
 * which of its fields refer to other records and which body sections it needs. Plain data
 * (no zod), so that discovery and the repository checks load fast; `collections.ts` adds the
 * schema of each collection.
 */
import { ACTION_NOTE_ID, KEBAB_ID, LESSON_ID, MAX_DATED_ID_LENGTH } from './ids.ts';

/** The `##` sections a lesson body must have, in order, by kind. */
export const lessonSections: Record<string, readonly string[]> = {
  'lesson-identified': ['What happened', 'Why it matters', 'Recommendation'],
  'notable-practice': ['What was done', 'Why it worked', 'How others can adopt it'],
};

/** The `##` sections an action-note body must have, in order. */
export const actionNoteSections: readonly string[] = ['Background'];

export type CollectionName = 'lessons' | 'action-notes' | 'assurance' | 'events' | 'organisations';

export interface CollectionLayout {
  name: CollectionName;
  /** Folder under the content root. */
  folder: string;
  /** File extension of its records. */
  extension: '.md' | '.yaml';
  /** Singular noun used in messages ("a lesson"). */
  noun: string;
  /** Pattern of the id (the file name without extension). */
  idPattern: RegExp;
  idMaxLength?: number;
  idExample: string;
  /** Field whose date (or year) the id starts with. */
  idDateField?: string;
  idDatePart?: 'date' | 'year';
  /** Top-level fields holding ids of other records (single id or list of ids). */
  references: Record<string, CollectionName>;
  /** Required `##` body sections for Markdown records, given the record's data. */
  sections?: (data: Record<string, unknown>) => readonly string[];
}

export const layouts: Record<CollectionName, CollectionLayout> = {
  lessons: {
    name: 'lessons',
    folder: 'lessons',
    extension: '.md',
    noun: 'lesson',
    idPattern: LESSON_ID,
    idMaxLength: MAX_DATED_ID_LENGTH,
    idExample: '2024-03-01-methane-not-shared',
    idDateField: 'date',
    idDatePart: 'date',
    references: {
      event: 'events',
      submitted_by: 'organisations',
      organisations: 'organisations',
      related: 'lessons',
      superseded_by: 'lessons',
    },
    sections: (data) => lessonSections[String(data.kind)] ?? [],
  },
  'action-notes': {
    name: 'action-notes',
    folder: 'action-notes',
    extension: '.md',
    noun: 'action note',
    idPattern: ACTION_NOTE_ID,
    idExample: '2025-001',
    idDateField: 'issued',
    idDatePart: 'year',
    references: { lessons: 'lessons' },
    sections: () => actionNoteSections,
  },
  assurance: {
    name: 'assurance',
    folder: 'assurance',
    extension: '.yaml',
    noun: 'assurance return',
    idPattern: /^\d{4}-\d{3}\/[a-z0-9]+(-[a-z0-9]+)*$/,
    idExample: '2025-001/greater-manchester-police',
    references: {},
  },
  events: {
    name: 'events',
    folder: 'events',
    extension: '.yaml',
    noun: 'event',
    idPattern: LESSON_ID,
    idMaxLength: MAX_DATED_ID_LENGTH,
    idExample: '2017-05-22-manchester-arena-attack',
    idDateField: 'start',
    idDatePart: 'date',
    references: { forum: 'organisations', organisations: 'organisations' },
  },
  organisations: {
    name: 'organisations',
    folder: 'organisations',
    extension: '.yaml',
    noun: 'organisation',
    idPattern: KEBAB_ID,
    idExample: 'greater-manchester-police',
    references: { forum: 'organisations' },
  },
};

export const collectionNames = Object.keys(layouts) as CollectionName[];

/** Record kinds that have a classification and can be public or not. */
export const classifiedCollections: readonly CollectionName[] = [
  'lessons',
  'action-notes',
  'events',
];
