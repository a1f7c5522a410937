/** Builds small libraries for the learning-loop tests, with records checked by the real schemas. */
import { actionNoteSchema } from '../../../schemas/action-note.ts';
import { assuranceSchema } from '../../../schemas/assurance.ts';
import { lessonSchema } from '../../../schemas/lesson.ts';
import { organisationSchema } from '../../../schemas/organisation.ts';
import {
  type LessonEntry,
  Library,
  type NoteEntry,
  type OrganisationEntry,
  type ReturnEntry,
} from '../library.ts';

export function org(id: string, sector: string): OrganisationEntry {
  return { id, data: organisationSchema.parse({ name: `Organisation ${id}`, sector }) };
}

export function lesson(id: string, fields: Record<string, unknown> = {}): LessonEntry {
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
    html: '',
    body: '',
    published: data.published ?? data.submitted,
    publishedSource: 'frontmatter',
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

export function library(input: {
  lessons?: LessonEntry[];
  notes?: NoteEntry[];
  returns?: ReturnEntry[];
  organisations?: OrganisationEntry[];
  today?: string;
}): Library {
  return new Library({
    lessons: input.lessons ?? [],
    notes: input.notes ?? [],
    returns: input.returns ?? [],
    events: [],
    organisations: input.organisations ?? [],
    today: input.today ?? '2026-11-23',
  });
}
