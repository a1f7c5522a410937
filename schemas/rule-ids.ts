/**
 * Every rule the validator reports, by id, with one line saying what it finds. This is the
 * one list: checks can report only these ids (the report callbacks and `Diagnostic.rule` are
 * typed `RuleId`), every id has a fixture under `tests/fixtures/invalid/<id>/` that makes it
 * fire, and CONTRIBUTING.md's rule table names exactly these ids (both checked by
 * `tests/validator/fixtures.test.ts`). Adding a rule: add it here, then its fixture and its row.
 */
export const ruleDescriptions = {
  'file/placement': "the file is outside the collection folders, or not of a collection's type",
  'file/name': 'the file (or assurance folder) name is not a valid id of its collection',
  'file/id-date': "the date in the id differs from the record's date, start or issued",
  'file/too-large': 'the file is larger than 1 MiB',
  'file/binary': 'the file holds a NUL byte: it is binary, not text',
  'file/empty': 'the file is empty',
  'file/encoding': 'the file is not valid UTF-8',
  'file/symlink':
    'a symbolic link that leads out of the content root, to nothing, or round in a loop',
  'file/not-regular': 'not a regular file (a FIFO, socket or device): only files are read',
  'file/timeout': 'reading and checking the file took longer than the time limit (10 s)',
  'frontmatter/missing': 'a Markdown record does not start with a closed `---` frontmatter block',
  'yaml/syntax': 'the YAML (file or frontmatter) does not parse',
  'yaml/not-a-mapping': 'the YAML is a single value or a list, not `key: value` fields',
  'yaml/too-deep': 'lists or mappings nested more than 64 deep',
  'yaml/aliases': 'aliases (`*name`) that expand to more than 10,000 values, as a YAML bomb does',
  'markdown/too-deep': 'block quotes and lists nested more than 32 deep',
  'markdown/delimiter-runs':
    'more than 500 runs of `*` or `_`, `<` and `[` in one paragraph, or 5,000 in the body',
  'markdown/too-large':
    'a body over 5,000 lines, 1,000 headings, quotes, list items or rows, or 25,000 markup characters',
  'schema/empty': 'the record has no fields at all',
  'schema/required': 'a required field is missing',
  'schema/unknown-key': 'a field the record kind does not have (often a typo)',
  'schema/enum': 'a value outside its controlled vocabulary',
  'schema/type': 'a value of the wrong type (text, list, true/false, mapping)',
  'schema/length': 'text shorter or longer than the field allows',
  'schema/count': 'a list with fewer or more items than the field allows',
  'schema/date': 'a date not written YYYY-MM-DD, or a day the calendar does not have',
  'schema/format': 'a value in the wrong format, such as an id or a recommendation id',
  'schema/plain-text': 'text holding HTML or control characters, or a line break in one-line text',
  'schema/duplicate': 'an item repeated in a list that takes each item once',
  'cross-field/public': '`public: true` on a record not classified official',
  'cross-field/date-order': 'a date before the date it must follow',
  'cross-field/future-date': 'a date after today (JOL_TODAY or the current date)',
  'cross-field/criteria': "a criterion that does not belong to the lesson's kind",
  'cross-field/superseded': '`status: superseded` without `superseded_by`, or the other way round',
  'cross-field/recommendations': 'an action note for action without recommendations',
  'cross-field/report-back': 'an action note for action without `report_back_by`',
  'cross-field/audience': 'an audience listing `all` together with sectors',
  'cross-field/evidence':
    'an assurance return implemented or not applicable that does not say why (`evidence`)',
  'references/missing': 'an id that names no record (or no recommendation of the note)',
  'references/self': 'a record that refers to itself',
  'references/missing-link':
    'a body link to a lesson, action note or event page whose record does not exist (a warning)',
  'references/no-recommendations':
    'an assurance return on an action note that has no recommendations',
  'cross-record/source': "a lesson's `source` differs from its event's `type`",
  'cross-record/forum': 'a `forum` that is not an organisation of the resilience-forum sector',
  'cross-record/audience': "an assurance return from an organisation outside the note's audience",
  'public-release/non-public-reference':
    'a public record that refers to a record that is not public',
  'public-release/non-public-link':
    'a public lesson or action note whose body links to a lesson, action note or event that is not public',
  'body/required-sections': 'a required `##` section missing or out of order',
  'body/no-html': 'raw HTML in the Markdown body',
  'body/no-empty-sections': 'a `##` section with nothing under it',
  'personal-data/email': 'what looks like a personal email address',
  'personal-data/phone': 'what looks like a UK phone number',
  'personal-data/ni-number': 'what looks like a National Insurance number',
  'personal-data/nhs-number': 'what looks like an NHS number',
  'personal-data/vehicle-registration':
    'what looks like a vehicle registration (current style, or old prefix or suffix style)',
  'personal-data/collar-number': 'what looks like a police collar number',
  'personal-data/titled-name':
    'a name after a title, rank or role of any service (Mr, DCI, Station Manager, Paramedic, Lt Col …)',
  'personal-data/named-person':
    'a name beside a role ("Neil Byrne, the loggist") or a verb of speech ("according to Maria Lopez")',
  'personal-data/date-of-birth': 'what looks like a date of birth ("born on 2 June 1981")',
  'personal-data/address': 'what looks like a house-number address ("14 Mill Lane")',
  'personal-data/social-media-handle': 'what looks like a social-media handle ("@name")',
  'personal-data/possible-name':
    "a capitalised name that the language model takes for a person's (a warning: reviewers decide)",
  'personal-data/unused-exception':
    'a `personal_data_exceptions` entry that matches nothing the check flags',
  'duplicates/similar-lesson': 'a lesson that reads much like another one (a warning)',
} as const satisfies Record<`${string}/${string}`, string>;

/** A rule id such as `schema/enum`: one of the keys of `ruleDescriptions`. */
export type RuleId = keyof typeof ruleDescriptions;

/** Every rule id, in the order of the content model's checks. */
export const ruleIds = Object.keys(ruleDescriptions) as readonly RuleId[];

const known: ReadonlySet<string> = new Set(ruleIds);

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && known.has(value);
}

/** The `params` of a custom zod issue: the rule it reports (only a registered id type-checks). */
export function ruleParams(rule: RuleId): { rule: RuleId } {
  return { rule };
}
