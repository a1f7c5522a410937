/** A lesson identified or a notable practice: `content/lessons/<id>.md` (frontmatter). */
import { z } from 'zod';
import {
  EVENT_ID,
  KEBAB_ID,
  idOf,
  isoDate,
  lessonId,
  organisationId,
  plainText,
  recordTitle,
  releaseFields,
  term,
  uniqueList,
} from './fields.ts';
import { publicNeedsOfficial, notAfterToday, notBefore } from './rules.ts';
import { ruleParams } from './rule-ids.ts';
import {
  allCriteria,
  commandLevels,
  criteriaByKind,
  lessonKinds,
  lessonStatuses,
  models,
  principles,
  risks,
  sources,
} from './vocabularies.ts';

export const lessonSchema = z
  .strictObject({
    kind: term(lessonKinds).describe(
      'Whether this is a lesson identified (something to put right) or a notable practice (something to adopt).',
    ),
    title: recordTitle(),
    summary: plainText(40, 500).describe(
      'The lesson in two or three sentences of plain text (40 to 500 characters); shown in lists, feeds, digests and search results.',
    ),
    date: isoDate().describe(
      'When the learning arose, usually the start of the event or the date of the debrief (YYYY-MM-DD).',
    ),
    source: term(sources).describe(
      'Where the learning came from; equals the type of the event when an event is given.',
    ),
    event: idOf('an event', EVENT_ID, '2017-05-22-manchester-arena-attack')
      .optional()
      .describe('The id of the incident, exercise, training or test the lesson came from.'),
    submitted_by: organisationId().describe(
      'The id of the organisation whose single point of contact (SPOC) submits the lesson.',
    ),
    organisations: uniqueList(organisationId())
      .optional()
      .describe('The ids of every organisation the learning involves.'),
    submitted: isoDate().describe(
      'When the lesson was submitted; not before the date of the learning and not in the future.',
    ),
    published: isoDate()
      .optional()
      .describe(
        'When the lesson was published; when left out, the date the file first reached main in Git history is used.',
      ),
    criteria: uniqueList(term(allCriteria), { min: 1 }).describe(
      'The JOL submission criteria the lesson meets (at least one, from the list for its kind).',
    ),
    principles: uniqueList(term(principles))
      .optional()
      .describe('The JESIP principles for joint working the lesson concerns.'),
    models: uniqueList(term(models))
      .optional()
      .describe('The JESIP models the lesson concerns: M/ETHANE and the Joint Decision Model.'),
    command_levels: uniqueList(term(commandLevels))
      .optional()
      .describe('The command levels the lesson concerns: operational, tactical, strategic.'),
    risks: uniqueList(term(risks))
      .optional()
      .describe('The National Risk Register 2025 risks the lesson relates to.'),
    tags: uniqueList(
      z.string().regex(KEBAB_ID, {
        error: 'Expected a tag in lower-case words joined by hyphens (kebab-case)',
      }),
      { max: 10 },
    )
      .optional()
      .describe('Up to 10 free keywords in kebab-case.'),
    related: uniqueList(lessonId()).optional().describe('The ids of related lessons.'),
    status: term(lessonStatuses)
      .default('identified')
      .describe('Where the lesson stands in its lifecycle.'),
    superseded_by: lessonId()
      .optional()
      .describe(
        'The id of the lesson that replaces this one; given exactly when the status is superseded.',
      ),
    ...releaseFields(),
  })
  .superRefine(
    (lesson, ctx) => {
      publicNeedsOfficial(lesson, ctx);
      notBefore(lesson, ctx, 'submitted', 'date');
      notAfterToday(lesson, ctx, 'submitted');
      notBefore(lesson, ctx, 'published', 'submitted');
      notAfterToday(lesson, ctx, 'published');
      const allowed = typeof lesson.kind === 'string' ? criteriaByKind[lesson.kind] : undefined;
      if (allowed && Array.isArray(lesson.criteria)) {
        lesson.criteria.forEach((criterion, index) => {
          if (
            typeof criterion === 'string' &&
            allCriteria.has(criterion) &&
            !allowed.has(criterion)
          ) {
            ctx.addIssue({
              code: 'custom',
              path: ['criteria', index],
              message: `Criterion "${criterion}" is not a criterion for a ${lesson.kind}, expected one of ${allowed.ids.join(', ')}`,
              params: ruleParams('cross-field/criteria'),
            });
          }
        });
      }
      const superseded = lesson.status === 'superseded';
      if (superseded && lesson.superseded_by === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['superseded_by'],
          message:
            'Missing superseded_by: a lesson with status superseded names the lesson that replaces it',
          params: ruleParams('cross-field/superseded'),
        });
      } else if (!superseded && lesson.superseded_by !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['superseded_by'],
          message: `superseded_by is given but status is "${String(lesson.status)}"; set status: superseded or remove superseded_by`,
          params: ruleParams('cross-field/superseded'),
        });
      }
    },
    { when: () => true },
  )
  .describe(
    'A lesson identified or a notable practice recorded after an incident, exercise, training, test or external report.',
  );

export type Lesson = z.output<typeof lessonSchema>;

export { lessonSections } from './layout.ts';
