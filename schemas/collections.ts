/**
 * The five collections of the content root: where each lives, how its ids look, which schema
 * checks it and which of its fields refer to other records. Everything that walks content
 * (validator, site, generators, benchmarks) reads this one table.
 */
import type { z } from 'zod';
import { actionNoteSchema, actionNoteSections } from './action-note.ts';
import { assuranceSchema } from './assurance.ts';
import { eventSchema } from './event.ts';
import { ACTION_NOTE_ID, KEBAB_ID, LESSON_ID, MAX_DATED_ID_LENGTH } from './fields.ts';
import { lessonSchema, lessonSections } from './lesson.ts';
import { organisationSchema } from './organisation.ts';

export type CollectionName = 'lessons' | 'action-notes' | 'assurance' | 'events' | 'organisations';

export interface CollectionSpec {
  name: CollectionName;
  /** Folder under the content root. */
  folder: string;
  /** File extension of its records. */
  extension: '.md' | '.yaml';
  /** Singular noun used in messages ("a lesson"). */
  noun: string;
  schema: z.ZodType;
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

export const collections: Record<CollectionName, CollectionSpec> = {
  lessons: {
    name: 'lessons',
    folder: 'lessons',
    extension: '.md',
    noun: 'lesson',
    schema: lessonSchema,
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
    schema: actionNoteSchema,
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
    schema: assuranceSchema,
    idPattern: /^\d{4}-\d{3}\/[a-z0-9]+(-[a-z0-9]+)*$/,
    idExample: '2025-001/greater-manchester-police',
    references: {},
  },
  events: {
    name: 'events',
    folder: 'events',
    extension: '.yaml',
    noun: 'event',
    schema: eventSchema,
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
    schema: organisationSchema,
    idPattern: KEBAB_ID,
    idExample: 'greater-manchester-police',
    references: { forum: 'organisations' },
  },
};

export const collectionNames = Object.keys(collections) as CollectionName[];

/** Record kinds that have a classification and can be public or not. */
export const classifiedCollections: readonly CollectionName[] = ['lessons', 'action-notes', 'events'];
