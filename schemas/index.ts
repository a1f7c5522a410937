/** The JOL Library content contract: one schema per record kind, the vocabularies, the collections. */
export * from './vocabularies.ts';
export * from './fields.ts';
export * from './today.ts';
export * from './lesson.ts';
export * from './action-note.ts';
export * from './assurance.ts';
export * from './event.ts';
export * from './organisation.ts';
export * from './ids.ts';
export * from './layout.ts';
export * from './collections.ts';
export * from './issues.ts';
export * from './shape.ts';
