/**
 * `npm run forms` — writes the GitHub issue forms (.github/ISSUE_TEMPLATE/) generated from the zod
 * schemas and the organisations in the content; `npm run forms -- --check` fails when they are
 * out of date (CI).
 */
import { loadConfig, REPO_ROOT } from './lib/config/jol-config.ts';
import { contentRoot } from './lib/content-root.ts';
import { issueFormFiles } from './lib/forms/issue-form.ts';
import { runGenerator } from './lib/generated/generated-files.ts';
import { readOrganisations } from './lib/records/organisations.ts';

const files = issueFormFiles({
  organisations: readOrganisations(contentRoot()),
  config: loadConfig(),
});
process.exitCode = runGenerator(
  'Issue forms',
  'npm run forms',
  process.env.JOL_REPO_ROOT || REPO_ROOT,
  files,
  process.argv.slice(2),
);
