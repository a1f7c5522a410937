/** The checks of one file at a time (cached by content hash, run in worker threads), in the order of the content model. */
import { bodyCheck } from './body.ts';
import { fileNameCheck } from './file-name.ts';
import { personalDataCheck } from './personal-data.ts';
import { schemaCheck } from './schema.ts';
import type { FileCheck } from './types.ts';

export const fileChecks: readonly FileCheck[] = [
  schemaCheck,
  fileNameCheck,
  bodyCheck,
  personalDataCheck,
];
