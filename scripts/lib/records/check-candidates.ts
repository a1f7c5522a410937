/**
 * Checks new record files with the real validator before they are kept: the files are written
 * into the content root (never over an existing file), validated in PR mode against the whole
 * repository, and removed again unless `keep` is set and none of them has an error. Used by
 * `npm run new`, `npm run import` and the issue-to-pull-request bot.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.ts';
import { validateContent } from '../validate-content.ts';

export interface Candidate {
  /** Absolute path inside the content root. */
  file: string;
  text: string;
}

export interface CandidateResult {
  /** Problems in the candidate files (and broken references they cause), sorted. */
  diagnostics: Diagnostic[];
  errors: number;
  /** Whether the files were kept. */
  kept: boolean;
}

export class CandidateExistsError extends Error {
  readonly file: string;
  constructor(file: string) {
    super(`${file} already exists; a new record never replaces one`);
    this.file = file;
  }
}

export async function checkCandidates(
  root: string,
  cwd: string,
  candidates: readonly Candidate[],
  options: {
    keep: boolean;
    /** Progress of the validation: files checked so far, and of how many. */
    onChecked?: (done: number, total: number) => void;
  },
): Promise<CandidateResult> {
  for (const c of candidates) if (fs.existsSync(c.file)) throw new CandidateExistsError(c.file);
  const written: string[] = [];
  const folders: string[] = [];
  let kept = false;
  try {
    for (const c of candidates) {
      const dir = path.dirname(c.file);
      if (!fs.existsSync(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        folders.push(dir);
      }
      fs.writeFileSync(c.file, c.text, { flag: 'wx' });
      written.push(c.file);
    }
    const { diagnostics } = await validateContent({
      root,
      cwd,
      paths: written,
      cache: false,
      workers: 0,
      onChecked: options.onChecked,
    });
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    kept = options.keep && errors === 0;
    return { diagnostics, errors, kept };
  } finally {
    if (!kept) {
      for (const f of written) fs.rmSync(f, { force: true });
      for (const d of folders.reverse())
        if (fs.existsSync(d) && fs.readdirSync(d).length === 0) fs.rmdirSync(d);
    }
  }
}
