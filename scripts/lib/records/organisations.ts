/**
 * The organisations of a content root as vocabulary terms ({id, name}), sorted by name: the
 * choices for "submitting organisation" in the issue forms, and the owners in CODEOWNERS.
 * Files that do not parse are skipped here; the validator reports them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KEBAB_ID } from '../../../schemas/ids.ts';
import { layouts } from '../../../schemas/layout.ts';
import type { Term } from '../../../schemas/vocabularies.ts';
import { parseRecord } from '../parse-record.ts';

export interface OrganisationEntry extends Term {
  spoc: string[];
}

export function readOrganisations(root: string): OrganisationEntry[] {
  const folder = path.join(root, layouts.organisations.folder);
  if (!fs.existsSync(folder)) return [];
  const out: OrganisationEntry[] = [];
  for (const file of fs.readdirSync(folder).sort()) {
    if (!file.endsWith('.yaml')) continue;
    const id = file.slice(0, -'.yaml'.length);
    if (!KEBAB_ID.test(id)) continue;
    const { data } = parseRecord(fs.readFileSync(path.join(folder, file), 'utf8'), 'yaml');
    if (!data) continue;
    const spoc = Array.isArray(data.spoc)
      ? data.spoc.filter((h): h is string => typeof h === 'string')
      : [];
    out.push({ id, name: typeof data.name === 'string' ? data.name : id, spoc });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
}
