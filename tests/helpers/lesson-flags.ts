/**
 * The flags of `new lesson` for the one lesson the CLI tests write (the radio talkgroup at a
 * flooding exercise): `head` from the title to its first criterion, `tail` from the
 * classification to the recommendation. A test puts its own flags (`--yes`, more criteria,
 * principles, tags) between them.
 */
export const TALKGROUP_LESSON = {
  head: [
    '--title',
    'Radio talkgroup opened late at a flooding exercise',
    '--summary',
    'During a multi-agency flooding exercise the interoperability talkgroup was opened only after the first joint meeting.',
    '--date',
    '2025-10-08',
    '--source',
    'exercise',
    '--event',
    '2025-10-08-exercise-paper-lantern',
    '--submitted-by',
    'greater-manchester-police',
    '--organisations',
    'greater-manchester-police,north-west-ambulance-service',
    '--submitted',
    '2025-11-01',
    '--criteria',
    'interoperability',
  ],
  tail: [
    '--classification',
    'official',
    '--public',
    'no',
    '--what-happened',
    'The talkgroup was opened late.',
    '--why-it-matters',
    'Messages were delayed.',
    '--recommendation',
    'Open it at once.',
  ],
} as const;
