/**
 * JSON Schemas generated from the zod schemas (one per collection), for editors, the published
 * open data and anything else that speaks JSON Schema. Field descriptions come from the zod
 * `.describe()` sentences. Rules that need code (cross-field rules, references) are not
 * expressible here; the validator makes them.
 */
import { z } from 'zod';
import { collections, collectionNames, type CollectionName } from '../../schemas/collections.ts';

/** File name (without `.schema.json`) of each collection's schema. */
export const schemaFileNames: Record<CollectionName, string> = {
  lessons: 'lesson',
  'action-notes': 'action-note',
  assurance: 'assurance-return',
  events: 'event',
  organisations: 'organisation',
};

export function jsonSchemaFor(name: CollectionName): Record<string, unknown> {
  const spec = collections[name];
  const schema = z.toJSONSchema(spec.schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://jol-library.example/schemas/${schemaFileNames[name]}.schema.json`,
    title: `JOL Library ${spec.noun}`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** Every schema, as the text written to schemas/json/ (stable formatting, trailing newline). */
export function jsonSchemaFiles(): Map<string, string> {
  return new Map(
    collectionNames.map((name) => [
      `${schemaFileNames[name]}.schema.json`,
      `${JSON.stringify(jsonSchemaFor(name), null, 2)}\n`,
    ]),
  );
}
