/**
 * Makes the repository's labels match jol.config.json: creates the missing ones and corrects the
 * colour and description of the others; never deletes a label. Safe to run any number of times.
 */
import type { JolConfig } from '../config/jol-config.ts';
import type { GitHub } from './client.ts';

export interface LabelSync {
  created: string[];
  updated: string[];
}

export async function syncLabels(
  github: GitHub,
  owner: string,
  repo: string,
  config: JolConfig,
): Promise<LabelSync> {
  const existing = await github.paginate(github.rest.issues.listLabelsForRepo, {
    owner,
    repo,
    per_page: 100,
  });
  const byName = new Map(existing.map((l) => [l.name.toLowerCase(), l]));
  const result: LabelSync = { created: [], updated: [] };
  for (const wanted of Object.values(config.labels)) {
    const have = byName.get(wanted.name.toLowerCase());
    if (!have) {
      await github.rest.issues.createLabel({
        owner,
        repo,
        name: wanted.name,
        color: wanted.color,
        description: wanted.description,
      });
      result.created.push(wanted.name);
    } else if (
      have.color.toLowerCase() !== wanted.color ||
      (have.description ?? '') !== wanted.description ||
      have.name !== wanted.name
    ) {
      await github.rest.issues.updateLabel({
        owner,
        repo,
        name: have.name,
        new_name: wanted.name,
        color: wanted.color,
        description: wanted.description,
      });
      result.updated.push(wanted.name);
    }
  }
  return result;
}
