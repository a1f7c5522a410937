/** An action note issued by the Interoperability Board: `content/action-notes/<id>.md` (frontmatter). */
import { z } from 'zod';
import {
  freeText,
  isoDate,
  lessonId,
  plainText,
  recommendationId,
  recordTitle,
  releaseFields,
  term,
  uniqueList,
} from './fields.ts';
import { notAfterToday, notBefore, publicNeedsOfficial } from './rules.ts';
import { ruleParams } from './rule-ids.ts';
import { actionNoteKinds, actionNoteStatuses, sectors } from './vocabularies.ts';

export const recommendationSchema = z
  .strictObject({
    id: recommendationId().describe(
      'The recommendation id, R1, R2 and so on, unique within the note.',
    ),
    text: freeText(1000).describe('What organisations are asked to do.'),
    due: isoDate().optional().describe('When the recommendation should be in place (YYYY-MM-DD).'),
  })
  .describe('One recommendation of an action note.');

export const actionNoteSchema = z
  .strictObject({
    title: recordTitle(),
    summary: plainText(40, 500).describe(
      'What the note asks and why, in plain text (40 to 500 characters).',
    ),
    issued: isoDate().describe(
      'When the Interoperability Board issued the note (YYYY-MM-DD); its year is the year in the id.',
    ),
    kind: term(actionNoteKinds).describe(
      'For action (recommendations to implement and report back on) or for information.',
    ),
    lessons: uniqueList(lessonId(), { min: 1 }).describe(
      'The ids of the lessons this note acts on (at least one).',
    ),
    audience: uniqueList(z.enum(['all', ...sectors.ids]), { min: 1 }).describe(
      'The sectors the note is addressed to, or [all] for every organisation.',
    ),
    recommendations: z
      .array(recommendationSchema)
      .optional()
      .describe(
        'The recommendations, each with an id (R1, R2 …), the text and an optional due date; at least one for a note for action.',
      ),
    report_back_by: isoDate()
      .optional()
      .describe(
        'When organisations report back on implementation; required for a note for action, after issued.',
      ),
    status: term(actionNoteStatuses)
      .default('open')
      .describe('Open while returns are expected; closed when the Board closes the note.'),
    ...releaseFields(),
  })
  .superRefine(
    (note, ctx) => {
      publicNeedsOfficial(note, ctx);
      notAfterToday(note, ctx, 'issued');
      notBefore(note, ctx, 'report_back_by', 'issued', true);
      const recs = Array.isArray(note.recommendations) ? note.recommendations : [];
      if (note.kind === 'for-action') {
        if (recs.length === 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['recommendations'],
            message: 'A note for action needs at least one recommendation',
            params: ruleParams('cross-field/recommendations'),
          });
        }
        if (note.report_back_by === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['report_back_by'],
            message:
              'Missing report_back_by: a note for action says when organisations report back',
            params: ruleParams('cross-field/report-back'),
          });
        }
      }
      if (
        Array.isArray(note.audience) &&
        note.audience.includes('all') &&
        note.audience.length > 1
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['audience', note.audience.indexOf('all')],
          message: 'audience [all] already includes every sector; list either all or sectors',
          params: ruleParams('cross-field/audience'),
        });
      }
      const seen = new Set<string>();
      recs.forEach((rec, index) => {
        const id = rec && typeof rec === 'object' ? (rec as { id?: unknown }).id : undefined;
        if (typeof id !== 'string') return;
        if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['recommendations', index, 'id'],
            message: `Duplicate recommendation id "${id}"; ids are unique within a note`,
            params: ruleParams('schema/duplicate'),
          });
        }
        seen.add(id);
        const due = (rec as { due?: unknown }).due;
        if (
          typeof due === 'string' &&
          typeof note.issued === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(due) &&
          due < note.issued
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['recommendations', index, 'due'],
            message: `due ${due} is before issued ${note.issued}; expected a date on or after issued`,
            params: ruleParams('cross-field/date-order'),
          });
        }
      });
    },
    { when: () => true },
  )
  .describe('An action note issued by the Interoperability Board after analysing lessons.');

export type ActionNote = z.output<typeof actionNoteSchema>;
export type Recommendation = z.output<typeof recommendationSchema>;

export { actionNoteSections } from './layout.ts';
