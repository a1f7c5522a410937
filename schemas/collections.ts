/**
 * The five collections with their schemas: the layout (schemas/layout.ts) plus the zod schema
 * that checks each record. Everything that validates records reads this one table.
 */
import type { z } from 'zod';
import { actionNoteSchema } from './action-note.ts';
import { assuranceSchema } from './assurance.ts';
import { eventSchema } from './event.ts';
import { type CollectionLayout, type CollectionName, layouts } from './layout.ts';
import { lessonSchema } from './lesson.ts';
import { organisationSchema } from './organisation.ts';

export {
  classifiedCollections,
  collectionNames,
  type CollectionLayout,
  type CollectionName,
} from './layout.ts';

export interface CollectionSpec extends CollectionLayout {
  schema: z.ZodType;
}

const schemas: Record<CollectionName, z.ZodType> = {
  lessons: lessonSchema,
  'action-notes': actionNoteSchema,
  assurance: assuranceSchema,
  events: eventSchema,
  organisations: organisationSchema,
};

export const collections = Object.fromEntries(
  Object.entries(layouts).map(([name, layout]) => [
    name,
    { ...layout, schema: schemas[name as CollectionName] },
  ]),
) as Record<CollectionName, CollectionSpec>;
