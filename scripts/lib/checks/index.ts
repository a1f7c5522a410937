/** Every check the validator makes, in the order of the content model. */
import { bodyCheck } from './body.ts';
import { crossRecordCheck } from './cross-record.ts';
import { duplicatesCheck } from './duplicates.ts';
import { fileNameCheck } from './file-name.ts';
import { personalDataCheck } from './personal-data.ts';
import { publicReleaseCheck } from './public-release.ts';
import { referencesCheck } from './references.ts';
import { schemaCheck } from './schema.ts';
import type { FileCheck, RepositoryCheck } from './types.ts';

/** Checks of one file at a time (cached by content hash, run in worker threads). */
export const fileChecks: readonly FileCheck[] = [schemaCheck, fileNameCheck, bodyCheck, personalDataCheck];

/** Checks across records (always run, on the summaries of every record). */
export const repositoryChecks: readonly RepositoryCheck[] = [referencesCheck, crossRecordCheck, publicReleaseCheck, duplicatesCheck];
