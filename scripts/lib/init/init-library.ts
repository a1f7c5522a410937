/**
 * Starts a real library from the sample one (`npm run init`): keeps the vocabularies and the
 * organisations (or replaces the organisations with those of a CSV file), removes the sample
 * records (lessons, action notes, assurance returns, events) and writes the library's name and
 * repository into jol.config.json with `sample: false`. Everything is checked before anything
 * is changed; a library whose configuration already says `sample: false` is left alone unless
 * forced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { layouts } from '../../../schemas/layout.ts';
import { checkConfig } from '../config/jol-config.ts';
import { recordText } from '../records/write-record.ts';
import {
  type CsvOrganisation,
  type CsvProblem,
  readOrganisationsCsv,
} from './organisations-csv.ts';

/** The sample records `init` removes; organisations stay unless a CSV replaces them. */
const SAMPLE_COLLECTIONS = ['lessons', 'action-notes', 'assurance', 'events'] as const;

export interface InitOptions {
  contentRoot: string;
  configFile: string;
  name: string;
  repository: string;
  /** The bytes of an organisations CSV that replaces the organisations. */
  organisationsCsv?: Uint8Array;
  force?: boolean;
}

export type InitResult =
  | { ok: true; removed: Record<string, number>; organisations: number; replaced: boolean }
  | { ok: false; refused: string; problems?: CsvProblem[] };

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

/** Empties a folder, keeping the folder itself. */
function emptyFolder(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir))
    fs.rmSync(path.join(dir, e), { recursive: true, force: true });
}

export function initLibrary(options: InitOptions): InitResult {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(fs.readFileSync(options.configFile, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    return {
      ok: false,
      refused: `${options.configFile}: could not read the JOL configuration: ${(error as Error).message}`,
    };
  }
  let current;
  try {
    current = checkConfig(raw, options.configFile);
  } catch (error) {
    return { ok: false, refused: (error as Error).message };
  }
  if (!current.sample && !options.force)
    return {
      ok: false,
      refused: `${options.configFile} says this library is not the sample (sample: false): it has been started already. Run again with --force to remove its lessons, action notes, assurance returns and events all the same.`,
    };

  const next = { ...raw, name: options.name, sample: false, repository: options.repository };
  try {
    checkConfig(next, options.configFile);
  } catch (error) {
    return { ok: false, refused: (error as Error).message };
  }

  let organisations: CsvOrganisation[] | undefined;
  if (options.organisationsCsv !== undefined) {
    const read = readOrganisationsCsv(options.organisationsCsv);
    if ('problems' in read)
      return {
        ok: false,
        refused: 'The organisations file has problems; nothing was changed.',
        problems: read.problems,
      };
    organisations = read.organisations;
  }

  // Checked: now change the library.
  const removed: Record<string, number> = {};
  for (const name of SAMPLE_COLLECTIONS) {
    const dir = path.join(options.contentRoot, layouts[name].folder);
    removed[name] = countFiles(dir);
    emptyFolder(dir);
  }
  const orgDir = path.join(options.contentRoot, layouts.organisations.folder);
  if (organisations) {
    emptyFolder(orgDir);
    fs.mkdirSync(orgDir, { recursive: true });
    for (const o of organisations)
      fs.writeFileSync(
        path.join(orgDir, `${o.id}${layouts.organisations.extension}`),
        recordText('organisations', o.data),
      );
  }
  fs.writeFileSync(options.configFile, `${JSON.stringify(next, null, 2)}\n`);
  return {
    ok: true,
    removed,
    organisations: organisations?.length ?? countFiles(orgDir),
    replaced: organisations !== undefined,
  };
}
