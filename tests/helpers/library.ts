/**
 * The one builder of small in-memory `Library`s for unit tests (src/lib and src/lib/learning):
 * every record goes through its real zod schema, so a test can only build what a content file
 * could hold, with the defaults the schema fills in. `world` is a small set of organisations
 * and an event for tests that need someone to refer to.
 */
import { actionNoteSchema } from '../../schemas/action-note.ts';
import { assuranceSchema } from '../../schemas/assurance.ts';
import { eventSchema } from '../../schemas/event.ts';
import { lessonSchema } from '../../schemas/lesson.ts';
import { organisationSchema } from '../../schemas/organisation.ts';
import {
  type EventEntry,
  type LessonEntry,
  Library,
  type NoteEntry,
  type OrganisationEntry,
  type ReturnEntry,
} from '../../src/lib/library.ts';

export function org(
  id: string,
  sector: string,
  name = `Organisation ${id}`,
  fields: Record<string, unknown> = {},
): OrganisationEntry {
  return { id, data: organisationSchema.parse({ name, sector, ...fields }) };
}

export function event(id: string, fields: Record<string, unknown> = {}): EventEntry {
  const data = eventSchema.parse({
    name: `Event ${id}`,
    type: 'incident',
    start: id.slice(0, 10),
    classification: 'official',
    public: true,
    ...fields,
  });
  return { id, data, repoPath: `content/events/${id}.yaml` };
}

/** A lesson (id `YYYY-MM-DD-slug`); the body is given apart from the fields, as in a file. */
export function lesson(
  id: string,
  fields: Record<string, unknown> = {},
  body: { markdown: string; html: string } = { markdown: 'Body', html: '<p>Body</p>' },
): LessonEntry {
  const date = id.slice(0, 10);
  const data = lessonSchema.parse({
    kind: 'lesson-identified',
    title: `Lesson ${id} title`,
    summary: `A summary of lesson ${id} that is long enough to be valid.`,
    date,
    source: 'incident',
    submitted_by: 'org-a',
    submitted: date,
    criteria: [
      fields.kind === 'notable-practice' ? 'improves-interoperability' : 'interoperability',
    ],
    classification: 'official',
    public: true,
    ...fields,
  });
  return {
    id,
    data,
    html: body.html,
    body: body.markdown,
    published: data.published ?? data.submitted,
    publishedSource: data.published ? 'frontmatter' : 'submitted',
    repoPath: `content/lessons/${id}.md`,
  };
}

export function note(id: string, fields: Record<string, unknown> = {}): NoteEntry {
  const data = actionNoteSchema.parse({
    title: `Action note ${id}`,
    summary: 'The Interoperability Board asks organisations to act on these lessons.',
    issued: `${id.slice(0, 4)}-02-01`,
    kind: 'for-action',
    lessons: ['2024-01-01-a'],
    audience: ['all'],
    recommendations: [{ id: 'R1', text: 'Do the first thing.' }],
    report_back_by: `${id.slice(0, 4)}-06-30`,
    classification: 'official',
    public: true,
    ...fields,
  });
  return { id, data, html: '', repoPath: `content/action-notes/${id}.md` };
}

export function ret(
  noteId: string,
  orgId: string,
  updated: string,
  returns: Record<string, unknown>[],
): ReturnEntry {
  return {
    id: `${noteId}/${orgId}`,
    note: noteId,
    organisation: orgId,
    data: assuranceSchema.parse({ updated, returns }),
  };
}

/** A lesson of the `world`: an exercise's, submitted by Police A, unless the fields say otherwise. */
export const worldLesson = (id: string, fields: Record<string, unknown> = {}) =>
  lesson(id, { title: `Lesson ${id}`, submitted_by: 'police-a', source: 'exercise', ...fields });

/** An action note of the `world`: open, for the police, two recommendations. */
export const worldNote = (id: string, fields: Record<string, unknown> = {}) =>
  note(id, {
    audience: ['police'],
    recommendations: [
      { id: 'R1', text: 'Do one thing.' },
      { id: 'R2', text: 'Do another.' },
    ],
    report_back_by: `${id.slice(0, 4)}-06-01`,
    ...fields,
  });

/** Three organisations of three sectors and a storm they responded to. */
export const world = {
  organisations: [
    org('police-a', 'police', 'Police A'),
    org('fire-b', 'fire-rescue', 'Fire B'),
    org('council-c', 'local-authority', 'Council C'),
  ],
  events: [event('2024-01-01-storm', { name: 'Storm', organisations: ['fire-b'] })],
};

export function library(input: {
  lessons?: LessonEntry[];
  notes?: NoteEntry[];
  returns?: ReturnEntry[];
  events?: EventEntry[];
  organisations?: OrganisationEntry[];
  today?: string;
}): Library {
  return new Library({
    lessons: input.lessons ?? [],
    notes: input.notes ?? [],
    returns: input.returns ?? [],
    events: input.events ?? [],
    organisations: input.organisations ?? [],
    today: input.today ?? '2026-11-23',
  });
}
