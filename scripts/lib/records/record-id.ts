/**
 * Ids and file paths of new records, by the id rules of the content model. A file name is never
 * taken from raw user text: titles become slugs of [a-z0-9-] only, and ids given by a person
 * must match the collection's id pattern before they come near a path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ACTION_NOTE_ID, KEBAB_ID, LESSON_ID, MAX_DATED_ID_LENGTH } from '../../../schemas/ids.ts';
import { layouts, type CollectionName } from '../../../schemas/layout.ts';
import { isCalendarDate } from '../../../schemas/today.ts';

/** Lower-case ASCII words joined by single hyphens, cut at a word boundary to `max` characters. */
export function slugify(text: string, max = 60): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) {
      if (!slug) slug = word.slice(0, max);
      break;
    }
    slug = next;
  }
  return slug;
}

export class RecordIdError extends Error {}

/** `YYYY-MM-DD-slug` from a date and a title/name, within the dated-id length limit. */
export function datedId(date: unknown, title: unknown, fallback: string): string {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isCalendarDate(date)) {
    throw new RecordIdError(
      `Cannot name the file: the date is ${typeof date === 'string' && date !== '' ? `"${date.slice(0, 40)}"` : 'missing'}; expected a date written YYYY-MM-DD`,
    );
  }
  const slug =
    slugify(typeof title === 'string' ? title : '', MAX_DATED_ID_LENGTH - 11) || fallback;
  const id = `${date}-${slug}`;
  if (!LESSON_ID.test(id))
    throw new RecordIdError(`Cannot make an id from date ${date} and the title`);
  return id;
}

/** The next free action-note id in a year (`YYYY-NNN`), looking at the content root. */
export function nextActionNoteId(root: string, year: string): string {
  const folder = path.join(root, layouts['action-notes'].folder);
  const taken = fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((f) => f.startsWith(`${year}-`))
        .map((f) => Number(f.slice(5, 8)))
    : [];
  const next = Math.max(0, ...taken.filter(Number.isFinite)) + 1;
  return `${year}-${String(next).padStart(3, '0')}`;
}

/** Checks an id a person typed; returns it or throws with what was expected. */
export function checkedId(value: unknown, pattern: RegExp, what: string, example: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!pattern.test(text)) {
    throw new RecordIdError(
      `Expected ${what} such as "${example}", found ${text === '' ? 'nothing' : `"${text.slice(0, 60)}"`}`,
    );
  }
  return text;
}

/** The record's id for its collection, from its data and the locator answers. */
export function recordId(
  collection: CollectionName,
  data: Record<string, unknown>,
  locators: Record<string, unknown>,
  root: string,
): string {
  switch (collection) {
    case 'lessons':
      return datedId(data.date, data.title, 'lesson');
    case 'events':
      return datedId(data.start, data.name, 'event');
    case 'action-notes': {
      if (locators.id !== undefined && locators.id !== '')
        return checkedId(locators.id, ACTION_NOTE_ID, 'an action-note id', '2025-001');
      const issued = String(data.issued ?? '');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(issued))
        throw new RecordIdError(
          'Cannot number the action note: issued is not a date written YYYY-MM-DD',
        );
      return nextActionNoteId(root, issued.slice(0, 4));
    }
    case 'organisations': {
      if (locators.id !== undefined && locators.id !== '')
        return checkedId(locators.id, KEBAB_ID, 'an organisation id', 'greater-manchester-police');
      const slug = slugify(typeof data.name === 'string' ? data.name : '', 60);
      if (!slug)
        throw new RecordIdError(
          'Cannot make an organisation id: the name has no letters or digits',
        );
      return slug;
    }
    case 'assurance': {
      const note = checkedId(locators.action_note, ACTION_NOTE_ID, 'an action-note id', '2025-002');
      const organisation = checkedId(
        locators.organisation,
        KEBAB_ID,
        'an organisation id',
        'greater-manchester-police',
      );
      return `${note}/${organisation}`;
    }
  }
}

/** The file of a record: content root + folder + id + extension, checked to stay inside the root. */
export function recordPath(root: string, collection: CollectionName, id: string): string {
  const layout = layouts[collection];
  if (!layout.idPattern.test(id))
    throw new RecordIdError(
      `"${id}" is not a valid ${layout.noun} id, expected one such as ${layout.idExample}`,
    );
  const base = path.resolve(root, layout.folder);
  const file = path.resolve(base, `${id}${layout.extension}`);
  if (!file.startsWith(base + path.sep))
    throw new RecordIdError(`"${id}" would be written outside ${layout.folder}/`);
  return file;
}

/** The repository-relative path (forward slashes) of a record, e.g. content/lessons/<id>.md. */
export function recordRepoPath(contentDir: string, collection: CollectionName, id: string): string {
  const layout = layouts[collection];
  return [contentDir.replace(/\/+$/, ''), layout.folder, `${id}${layout.extension}`].join('/');
}
