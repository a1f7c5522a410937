/** The checks across records (always run, on the summaries of every record), in the order of the content model. */
import { crossRecordCheck } from './cross-record.ts';
import { duplicatesCheck } from './duplicates.ts';
import { publicReleaseCheck } from './public-release.ts';
import { referencesCheck } from './references.ts';
import type { RepositoryCheck } from './types.ts';

export const repositoryChecks: readonly RepositoryCheck[] = [
  referencesCheck,
  crossRecordCheck,
  publicReleaseCheck,
  duplicatesCheck,
];
