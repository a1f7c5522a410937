/** A responder organisation, resilience forum or national body: `content/organisations/<id>.yaml`. */
import { z } from 'zod';
import { forumId, personalDataExceptions, plainText, term, uniqueList } from './fields.ts';
import { nations, responderCategories, sectors } from './vocabularies.ts';

/** GitHub user or team handle: letters, digits and single hyphens; `org/team` for a team. */
const GITHUB_HANDLE =
  /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$/;
/** A generic mailbox: any address; the personal-data check decides if it looks like a person. */
const MAILBOX = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

export const organisationSchema = z
  .strictObject({
    name: plainText(3, 160, { singleLine: true }).describe('The full name of the organisation.'),
    sector: term(sectors).describe('The sector the organisation belongs to.'),
    category: term(responderCategories)
      .optional()
      .describe(
        'Its category under the Civil Contingencies Act 2004: category-1, category-2 or other.',
      ),
    nation: term(nations)
      .optional()
      .describe('The nation it serves: england, wales, scotland, northern-ireland or uk.'),
    forum: forumId().optional().describe('The id of the resilience forum it belongs to.'),
    spoc: uniqueList(
      z.string().regex(GITHUB_HANDLE, {
        error: (iss) =>
          `Expected a GitHub handle such as "gmp-jol-spoc" or "org/team", found "${String(iss.input)}"`,
      }),
      { min: 1 },
    )
      .optional()
      .describe(
        "GitHub handles of the organisation's single points of contact, used for review routing; never personal names or emails.",
      ),
    mailbox: z
      .string()
      .regex(MAILBOX, {
        error: (iss) =>
          `Expected an email address for a team mailbox, found "${String(iss.input)}"`,
      })
      .optional()
      .describe("A generic team mailbox (never a person's address)."),
    personal_data_exceptions: personalDataExceptions().optional(),
  })
  .describe('A responder organisation, resilience forum or national body.');

export type Organisation = z.output<typeof organisationSchema>;
