/**
 * `npm run labels` — creates or corrects the lifecycle labels of jol.config.json in the repository
 * (GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_TOKEN with issues: write). Run by
 * .github/workflows/labels.yml when the configuration changes. Exit 0 done, 1 GitHub failed.
 */
import { loadConfig } from './lib/config/jol-config.ts';
import { clientFromEnv, describeApiError, repoOf } from './lib/github/client.ts';
import { syncLabels } from './lib/github/labels.ts';

try {
  const { owner, repo } = repoOf(process.env.GITHUB_REPOSITORY);
  const result = await syncLabels(clientFromEnv(), owner, repo, loadConfig());
  process.stdout.write(
    `Labels: ${result.created.length} created${result.created.length ? ` (${result.created.join(', ')})` : ''}, ${result.updated.length} updated${result.updated.length ? ` (${result.updated.join(', ')})` : ''}\n`,
  );
} catch (error) {
  process.stderr.write(`Could not sync the labels: ${describeApiError(error).text}\n`);
  process.exitCode = 1;
}
