/** Check 2: the file name is a valid id for its collection, and its date or year matches the record's. */
import { ACTION_NOTE_ID, KEBAB_ID } from '../../../schemas/fields.ts';
import type { FileCheck } from './types.ts';

export const fileNameCheck: FileCheck = {
  id: 'file-name',
  run({ record, spec, parsed }, report) {
    const id = record.id;
    if (spec.name === 'assurance') {
      const [note, org] = id.split('/') as [string, string];
      if (!ACTION_NOTE_ID.test(note))
        report(
          { line: 0 },
          'file/name',
          `Folder "${note}" is not an action note id; expected assurance/<action-note-id>/<organisation-id>.yaml with an id such as 2025-001`,
        );
      if (!KEBAB_ID.test(org))
        report(
          { line: 0 },
          'file/name',
          `File name "${org}" is not an organisation id; expected lower-case words joined by hyphens, such as greater-manchester-police`,
        );
      return;
    }
    if (
      !spec.idPattern.test(id) ||
      (spec.idMaxLength !== undefined && id.length > spec.idMaxLength)
    ) {
      const tooLong = spec.idPattern.test(id);
      report(
        { line: 0 },
        'file/name',
        tooLong
          ? `File name "${id}" is ${id.length} characters; expected at most ${spec.idMaxLength}`
          : `File name "${id}" is not a valid ${spec.noun} id; expected a name like "${spec.idExample}${spec.extension}"`,
      );
      return;
    }
    const field = spec.idDateField;
    const value = field ? parsed.data?.[field] : undefined;
    if (!field || typeof value !== 'string') return;
    const prefix = spec.idDatePart === 'year' ? id.slice(0, 4) : id.slice(0, 10);
    const actual = spec.idDatePart === 'year' ? value.slice(0, 4) : value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && prefix !== actual) {
      report(
        { path: [field] },
        'file/id-date',
        spec.idDatePart === 'year'
          ? `${field} ${value} is in ${actual} but the id "${id}" starts with ${prefix}; expected the year of ${field} to match the id`
          : `${field} ${value} does not match the date ${prefix} in the file name; expected them to be the same`,
      );
    }
  },
};
