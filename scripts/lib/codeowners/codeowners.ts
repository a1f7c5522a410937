/**
 * .github/CODEOWNERS generated from content/organisations/*.yaml: the central reviewers team owns
 * everything; each organisation's SPOC handles (`spoc`) also own that organisation's assurance
 * returns (content/assurance/<note>/<organisation>.yaml in every note). In CODEOWNERS the last
 * matching line wins, so every organisation line names the central team too.
 */
import type { JolConfig } from '../config/jol-config.ts';
import type { OrganisationEntry } from '../records/organisations.ts';

/** `@handle` or `@org/team`; the schema allows the leading @ to be left out. */
export function ownerOf(handle: string): string {
  return handle.startsWith('@') ? handle : `@${handle}`;
}

export function codeownersText(
  organisations: readonly OrganisationEntry[],
  config: JolConfig,
  contentDir = 'content',
): string {
  const central = config.reviewersTeam;
  const lines = [
    '# Generated from content/organisations/*.yaml by `npm run codeowners`; do not edit by hand.',
    '# CI fails when this file is out of date (`npm run codeowners -- --check`).',
    '#',
    '# The central reviewers team (jol.config.json "reviewersTeam") owns every file. Each',
    "# organisation's SPOCs (its `spoc` handles) also own its assurance returns. The last",
    '# matching pattern wins, so each organisation line names the central team as well.',
    '',
    `* ${central}`,
    '',
  ];
  for (const org of organisations) {
    if (org.spoc.length === 0) continue;
    const owners = [central, ...org.spoc.map(ownerOf).filter((o) => o !== central)];
    lines.push(`/${contentDir}/assurance/*/${org.id}.yaml ${[...new Set(owners)].join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
