/** A small in-memory Library for the unit tests of src/lib (no Astro, no files). */
import type { ActionNote } from '../../schemas/action-note.ts';
import type { Lesson } from '../../schemas/lesson.ts';
import { Library, type LessonEntry, type NoteEntry } from './library.ts';

export function lesson(
  id: string,
  data: Partial<Lesson> & { published?: string } = {},
): LessonEntry {
  const { published, ...rest } = data;
  return {
    id,
    data: {
      kind: 'lesson-identified',
      title: `Lesson ${id}`,
      summary: `Summary of lesson ${id}, long enough to pass the forty character rule.`,
      date: id.slice(0, 10),
      source: 'exercise',
      submitted_by: 'police-a',
      submitted: id.slice(0, 10),
      criteria: ['interoperability'],
      status: 'identified',
      classification: 'official',
      public: true,
      ...rest,
    },
    html: '<p>Body</p>',
    body: 'Body',
    published: published ?? id.slice(0, 10),
    publishedSource: published ? 'frontmatter' : 'submitted',
    repoPath: `content/lessons/${id}.md`,
  };
}

export function note(id: string, data: Partial<ActionNote> = {}): NoteEntry {
  return {
    id,
    data: {
      title: `Note ${id}`,
      summary: 'A note summary that is long enough to pass the rule of forty.',
      issued: `${id.slice(0, 4)}-02-01`,
      kind: 'for-action',
      lessons: [],
      audience: ['police'],
      recommendations: [
        { id: 'R1', text: 'Do one thing.' },
        { id: 'R2', text: 'Do another.' },
      ],
      report_back_by: `${id.slice(0, 4)}-06-01`,
      status: 'open',
      classification: 'official',
      public: true,
      ...data,
    },
    html: '',
    repoPath: `content/action-notes/${id}.md`,
  };
}

export function makeLibrary(
  input: {
    lessons?: LessonEntry[];
    notes?: NoteEntry[];
    today?: string;
    returns?: Library['returns'];
  } = {},
): Library {
  return new Library({
    today: input.today ?? '2025-01-01',
    lessons: input.lessons ?? [],
    notes: input.notes ?? [],
    returns: input.returns ?? [],
    events: [
      {
        id: '2024-01-01-storm',
        data: {
          name: 'Storm',
          type: 'incident',
          start: '2024-01-01',
          organisations: ['fire-b'],
          classification: 'official',
          public: true,
        } as never,
        repoPath: 'content/events/2024-01-01-storm.yaml',
      },
    ],
    organisations: [
      { id: 'police-a', data: { name: 'Police A', sector: 'police' } },
      { id: 'fire-b', data: { name: 'Fire B', sector: 'fire-rescue' } },
      { id: 'council-c', data: { name: 'Council C', sector: 'local-authority' } },
    ],
  });
}
