/**
 * `npm run init -- --name "…" --repository owner/name [--organisations file.csv] [--force]` —
 * starts a real library from the sample: removes the sample lessons, action notes, assurance
 * returns and events, keeps the vocabularies and the organisations (or replaces the
 * organisations with the CSV's), and sets `sample: false`, the name and the repository in
 * jol.config.json (JOL_CONFIG). Reads the content root of JOL_CONTENT_DIR. Exit 0 done,
 * 1 refused (already started, invalid CSV or settings), 2 usage.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { configPath } from './lib/config/jol-config.ts';
import { contentRoot, displayPath } from './lib/content-root.ts';
import { initLibrary } from './lib/init/init-library.ts';
import { organisationColumns } from './lib/init/organisations-csv.ts';

const HELP = `Usage: npm run init -- --name "Library name" --repository owner/name [--organisations file.csv] [--force]

Starts a real library from the sample content: removes the sample lessons, action notes,
assurance returns and events; keeps the vocabularies and the organisations, or replaces the
organisations with those of --organisations (a CSV with the columns
${organisationColumns().join(', ')}; spoc handles separated by "; "); and sets
sample: false, the name and the repository in jol.config.json.

  --name           the library's name, shown on every page and in the feeds
  --repository     owner/name of its GitHub repository
  --organisations  a CSV of the organisations that replace the sample's
  --force          run even though jol.config.json says sample: false

Content root: JOL_CONTENT_DIR (default ./content); settings file: JOL_CONFIG (default
jol.config.json at the repository root).
`;

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      name: { type: 'string' },
      repository: { type: 'string' },
      organisations: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
} catch (error) {
  usage((error as Error).message);
}
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (!values.name) usage('Missing --name');
if (!values.repository) usage('Missing --repository');

let organisationsCsv: Uint8Array | undefined;
if (values.organisations !== undefined) {
  try {
    organisationsCsv = fs.readFileSync(values.organisations);
  } catch (error) {
    usage(`Cannot read ${values.organisations}: ${(error as Error).message}`);
  }
}

const root = contentRoot();
const configFile = configPath();
const result = initLibrary({
  contentRoot: root,
  configFile,
  name: values.name,
  repository: values.repository,
  organisationsCsv,
  force: values.force,
});

if (!result.ok) {
  process.stderr.write(`${result.refused}\n`);
  for (const p of result.problems ?? [])
    process.stderr.write(
      p.row === undefined
        ? `${values.organisations}:${p.line}:${p.column}: ${p.message}\n`
        : `${values.organisations}:${p.line}: row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}\n`,
    );
  process.exit(1);
}

const removed = Object.entries(result.removed)
  .map(([name, n]) => `${n} ${name}`)
  .join(', ');
process.stdout.write(
  `Started "${values.name}" in ${displayPath(root)}: removed the sample records (${removed} files); ` +
    `${result.replaced ? 'wrote' : 'kept'} ${result.organisations} organisations; ` +
    `${displayPath(configFile)} now says sample: false.\n` +
    'Next: check siteUrl, reviewersTeam and contact in the settings, then run npm run codeowners, ' +
    'npm run forms and npm run validate, and commit.\n',
);
