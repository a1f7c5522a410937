/**
 * Editions. `responders` (the default) holds every record; `public` holds only records that
 * are classification official and public: true, every organisation, and the assurance
 * returns of its action notes. The one rule used by the validator, the site and the exports.
 */
export type Edition = 'responders' | 'public';

export function editionFromEnv(env: NodeJS.ProcessEnv = process.env): Edition {
  const value = env.JOL_EDITION ?? 'responders';
  if (value !== 'responders' && value !== 'public') {
    throw new Error(`JOL_EDITION must be "responders" or "public", found "${value}"`);
  }
  return value;
}

interface Classified {
  collection: string;
  id: string;
  data: Record<string, unknown>;
}

/** Whether a record (not an assurance return) may appear on the public edition. */
export function isPublicRecord(record: Classified | undefined): boolean {
  if (!record) return false;
  if (record.collection === 'organisations') return true;
  return record.data.public === true && record.data.classification === 'official';
}

/**
 * Whether a record belongs to an edition. Assurance returns follow their action note, so the
 * caller passes a lookup of action notes by id.
 */
export function inEdition(
  record: Classified,
  edition: Edition,
  actionNote: (id: string) => Classified | undefined,
): boolean {
  if (edition === 'responders') return true;
  if (record.collection === 'assurance')
    return isPublicRecord(actionNote(record.id.split('/')[0]!));
  return isPublicRecord(record);
}
