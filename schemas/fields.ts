/**
 * Small, named field factories shared by every record schema. Each returns a zod schema
 * whose failure messages already say what was expected; the description given to each
 * field (`.describe`) becomes the JSON Schema description and the issue-form help text.
 */
import { z } from 'zod';
import { KEBAB_ID, LESSON_ID, RECOMMENDATION_ID } from './ids.ts';
import { describeFound } from './issues.ts';
import { ruleParams } from './rule-ids.ts';
import { isCalendarDate } from './today.ts';
import type { Vocabulary } from './vocabularies.ts';

export {
  ACTION_NOTE_ID,
  EVENT_ID,
  KEBAB_ID,
  LESSON_ID,
  MAX_DATED_ID_LENGTH,
  RECOMMENDATION_ID,
} from './ids.ts';

const HTML_TAG = /<\/?[a-zA-Z!][^>]*>/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/**
 * Bidirectional controls (embeddings, overrides, isolates and marks): a right-to-left override
 * makes text display in another order than it reads, so it can disguise what a record says.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Plain text (no HTML, no control characters) of a bounded length. */
export function plainText(min: number, max: number, opts: { singleLine?: boolean } = {}) {
  return z
    .string({
      error: (iss) =>
        `Expected {field} to be text of ${min} to ${max} characters, found ${describeFound(iss.input)}`,
    })
    .superRefine((value, ctx) => {
      const length = [...value.trim()].length;
      if (length < min || length > max) {
        ctx.addIssue({
          code: 'custom',
          message: `Expected {field} to have ${min} to ${max} characters, found ${length}`,
          params: ruleParams('schema/length'),
        });
      }
      // `text`: what was found, so that it is reported where it is written in the value.
      const tag = HTML_TAG.exec(value);
      if (tag) {
        ctx.addIssue({
          code: 'custom',
          message: 'Expected {field} to be plain text, found an HTML tag',
          params: { ...ruleParams('schema/plain-text'), text: tag[0] },
        });
      }
      const bidi = BIDI.exec(value);
      if (bidi) {
        const code = bidi[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        ctx.addIssue({
          code: 'custom',
          message: `Expected {field} to be plain text, found the bidirectional control U+${code}, which can make text display in another order than it reads`,
          params: { ...ruleParams('schema/plain-text'), text: bidi[0] },
        });
      }
      if (CONTROL.test(value) || (opts.singleLine && /[\r\n]/.test(value.trim()))) {
        ctx.addIssue({
          code: 'custom',
          message: opts.singleLine
            ? 'Expected {field} to be a single line of plain text'
            : 'Expected {field} to be plain text, found a control character',
          params: ruleParams('schema/plain-text'),
        });
      }
    })
    .meta({ minLength: min, maxLength: max });
}

/** Free text without a length rule beyond a sanity bound (names, evidence, areas). */
export function freeText(max = 2000) {
  return plainText(1, max);
}

/** A date written YYYY-MM-DD that exists in the calendar (kept as a string, never a Date). */
export function isoDate() {
  return z
    .string({
      error: (iss) =>
        `Expected {field} to be a date written YYYY-MM-DD, found ${describeFound(iss.input)}`,
    })
    .superRefine((value, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `Expected {field} to be a date written YYYY-MM-DD, found "${value}"`,
          params: ruleParams('schema/date'),
        });
      } else if (!isCalendarDate(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `Unexpected {field} "${value}": that day does not exist in the calendar`,
          params: ruleParams('schema/date'),
        });
      }
    })
    .meta({ format: 'date' });
}

/** A reference to another record by id (format only; the validator resolves it). */
export function idOf(collection: string, pattern: RegExp, example: string) {
  return z
    .string({
      error: (iss) =>
        `Expected the id of ${collection} (such as "${example}"), found ${describeFound(iss.input)}`,
    })
    .regex(pattern, {
      error: (iss) =>
        `Expected the id of ${collection} (such as "${example}"), found ${describeFound(iss.input)}`,
    });
}

/** A reference to a lesson by id. */
export const lessonId = () => idOf('a lesson', LESSON_ID, '2024-03-01-methane-not-shared');

/** A reference to an organisation by id. */
export const organisationId = () => idOf('an organisation', KEBAB_ID, 'greater-manchester-police');

/** A reference to a resilience forum (an organisation) by id. */
export const forumId = () => idOf('a resilience forum', KEBAB_ID, 'greater-manchester-lrf');

/** A recommendation id of an action note: R1, R2 … */
export function recommendationId() {
  return z.string({ error: 'Expected a recommendation id such as R1' }).regex(RECOMMENDATION_ID, {
    error: (iss) => `Expected a recommendation id such as R1, R2, found "${String(iss.input)}"`,
  });
}

/** One term of a controlled vocabulary. */
export function term(vocab: Vocabulary) {
  return z.enum(vocab.ids);
}

/** A list whose items must not repeat; a repeat is reported at its second occurrence. */
export function uniqueList<T extends z.ZodType>(
  item: T,
  opts: { min?: number; max?: number } = {},
) {
  let list = z.array(item);
  if (opts.min !== undefined) list = list.min(opts.min);
  if (opts.max !== undefined) list = list.max(opts.max);
  return list.meta({ uniqueItems: true }).superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((value, index) => {
      const key = JSON.stringify(value);
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `Duplicate ${describeFound(value)} in {field}; each item may appear once`,
          params: ruleParams('schema/duplicate'),
        });
      }
      seen.add(key);
    });
  });
}

/** `title` of a lesson or an action note. */
export const recordTitle = () =>
  plainText(10, 120, { singleLine: true }).describe(
    'A short, specific title in plain text (10 to 120 characters).',
  );

/** `classification`: the Government Security Classification of the record. */
export const classification = () =>
  z
    .enum(['official', 'official-sensitive'])
    .describe('Government Security Classification: official or official-sensitive.');

/** `public`: whether the record may appear on the public edition. */
export const isPublic = () =>
  z
    .boolean()
    .default(false)
    .describe(
      'Whether the record may be published on the public edition; true only when classification is official.',
    );

/**
 * The reviewable escape hatch for the personal-data check: each entry names one exact piece of
 * text that looks like personal data but is not (for example a road named after a person), and
 * why. Reviewers see it in the pull request.
 */
export const personalDataExceptions = () =>
  z
    .array(
      z.strictObject({
        text: plainText(2, 200).describe('The exact text the personal-data check flagged.'),
        reason: plainText(10, 300).describe('Why this text is not personal data.'),
      }),
    )
    .min(1)
    .describe(
      'Text that the personal-data check flags but that is not personal data, each with the reason; reviewed in the pull request.',
    );

/**
 * The last fields of a lesson, an action note and an event: its classification, whether it may
 * appear on the public edition, and its personal-data exceptions.
 */
export const releaseFields = () => ({
  classification: classification(),
  public: isPublic(),
  personal_data_exceptions: personalDataExceptions().optional(),
});
