/**
 * `npm run codeowners` — writes .github/CODEOWNERS from the organisations' `spoc` handles and the
 * central reviewers team in jol.config.json; `npm run codeowners -- --check` fails when it is out
 * of date (CI).
 */
import { codeownersText } from './lib/codeowners/codeowners.ts';
import { loadConfig, REPO_ROOT } from './lib/config/jol-config.ts';
import { contentRoot } from './lib/content-root.ts';
import { runGenerator } from './lib/generated/generated-files.ts';
import { readOrganisations } from './lib/records/organisations.ts';

const files = new Map([
  ['.github/CODEOWNERS', codeownersText(readOrganisations(contentRoot()), loadConfig())],
]);
process.exitCode = runGenerator(
  'CODEOWNERS',
  'npm run codeowners',
  process.env.JOL_REPO_ROOT || REPO_ROOT,
  files,
  process.argv.slice(2),
);
