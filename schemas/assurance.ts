/** One organisation's assurance return for one action note: `content/assurance/<note-id>/<organisation-id>.yaml`. */
import { z } from 'zod';
import { freeText, isoDate, personalDataExceptions, recommendationId } from './fields.ts';
import { notAfterToday } from './rules.ts';
import { ruleParams } from './rule-ids.ts';
import { assuranceStates } from './vocabularies.ts';

const NEEDS_EVIDENCE = new Set(['implemented', 'not-applicable']);

export const assuranceEntrySchema = z
  .strictObject({
    recommendation: recommendationId().describe(
      'The id of the recommendation in the action note (R1, R2 …).',
    ),
    state: z
      .enum(assuranceStates.ids)
      .describe(
        'How far the organisation has got: not-started, in-progress, implemented or not-applicable.',
      ),
    evidence: freeText(2000)
      .optional()
      .describe(
        'What changed (for implemented) or why it does not apply (for not-applicable); required for those two states.',
      ),
  })
  .superRefine(
    (entry, ctx) => {
      if (
        typeof entry.state === 'string' &&
        NEEDS_EVIDENCE.has(entry.state) &&
        entry.evidence === undefined
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence'],
          message: `Missing evidence: a return marked ${entry.state} says ${entry.state === 'implemented' ? 'what changed' : 'why it does not apply'}`,
          params: ruleParams('cross-field/evidence'),
        });
      }
    },
    { when: () => true },
  )
  .describe("One recommendation's return.");

export const assuranceSchema = z
  .strictObject({
    updated: isoDate().describe('When the return was last updated (YYYY-MM-DD).'),
    returns: z
      .array(assuranceEntrySchema)
      .describe(
        'At most one entry per recommendation of the note; a recommendation with no entry counts as no return yet.',
      ),
    personal_data_exceptions: personalDataExceptions().optional(),
  })
  .superRefine(
    (ret, ctx) => {
      notAfterToday(ret, ctx, 'updated');
      if (!Array.isArray(ret.returns)) return;
      const seen = new Set<string>();
      ret.returns.forEach((entry, index) => {
        const id =
          entry && typeof entry === 'object'
            ? (entry as { recommendation?: unknown }).recommendation
            : undefined;
        if (typeof id !== 'string') return;
        if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['returns', index, 'recommendation'],
            message: `Duplicate entry for recommendation ${id}; give at most one entry per recommendation`,
            params: ruleParams('schema/duplicate'),
          });
        }
        seen.add(id);
      });
    },
    { when: () => true },
  )
  .describe("An organisation's assurance return on the recommendations of one action note.");

export type AssuranceReturn = z.output<typeof assuranceSchema>;
export type AssuranceEntry = z.output<typeof assuranceEntrySchema>;
