/** An incident, exercise, training or test that lessons came from: `content/events/<id>.yaml`. */
import { z } from 'zod';
import {
  forumId,
  freeText,
  isoDate,
  organisationId,
  plainText,
  releaseFields,
  term,
  uniqueList,
} from './fields.ts';
import { notBefore, publicNeedsOfficial } from './rules.ts';
import { debriefTypes, eventTypes } from './vocabularies.ts';

export const eventSchema = z
  .strictObject({
    name: plainText(3, 160, { singleLine: true }).describe(
      'The name of the incident, exercise, training or test.',
    ),
    type: term(eventTypes).describe(
      'What kind of event it was: incident, exercise, training, testing or external.',
    ),
    start: isoDate().describe('The day it started (YYYY-MM-DD); the date in the id.'),
    end: isoDate().optional().describe('The day it ended (YYYY-MM-DD), on or after start.'),
    area: freeText(200)
      .optional()
      .describe('The place in general terms (a town, county or region), never an address.'),
    forum: forumId().optional().describe('The id of the resilience forum for the area.'),
    major_incident_declared: z
      .boolean()
      .optional()
      .describe('Whether a major incident was declared.'),
    organisations: uniqueList(organisationId())
      .optional()
      .describe('The ids of the organisations that took part.'),
    debriefs: z
      .array(
        z.strictObject({
          type: term(debriefTypes).describe(
            'The kind of debrief: hot, structured, multi-agency, single-agency or inquiry.',
          ),
          date: isoDate().describe('When the debrief took place (YYYY-MM-DD).'),
        }),
      )
      .optional()
      .describe('The debriefs held, each with its type and date.'),
    ...releaseFields(),
  })
  .superRefine(
    (event, ctx) => {
      publicNeedsOfficial(event, ctx);
      notBefore(event, ctx, 'end', 'start');
    },
    { when: () => true },
  )
  .describe(
    'An incident, exercise, training course, test or external report that lessons came from.',
  );

export type Event = z.output<typeof eventSchema>;
