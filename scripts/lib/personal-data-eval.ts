/**
 * Measures the personal-data screen on the labelled set (tests/fixtures/personal-data/labelled.json):
 * per kind, how many identifying sentences are found (as an error, or as a warning) and with the
 * exact expected text, and how many clean sentences get an error or a warning. Shared by
 * `npm run bench:personal-data` and the test that holds the goal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findPersonalData, type Finding, type NameCandidate } from './personal-data.ts';
import { judgeNameCandidates } from './possible-names.ts';

export const LABELLED = path.resolve(
  import.meta.dirname,
  '../../tests/fixtures/personal-data/labelled.json',
);

export interface Labelled {
  identifying: { kind: string; text: string; spans: string[] }[];
  clean: string[];
}

export function readLabelled(file = LABELLED): Labelled {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Labelled;
}

/** Every finding in one text, as the validator makes them: patterns, then the model on the candidates. */
export async function screen(text: string): Promise<Finding[]> {
  const candidates: NameCandidate[] = [];
  const findings = findPersonalData(text, candidates);
  return [...findings, ...(await judgeNameCandidates(text, candidates))];
}

export interface KindResult {
  kind: string;
  spans: number;
  /** Spans reported by an error (any rule), by a warning only, and with exactly the expected text. */
  errors: number;
  warnings: number;
  exact: number;
  missed: string[];
}

export interface Evaluation {
  kinds: KindResult[];
  total: { spans: number; found: number; errors: number };
  clean: { sentences: number; withError: string[]; withWarning: string[] };
}

export async function evaluate(labelled = readLabelled()): Promise<Evaluation> {
  const byKind = new Map<string, KindResult>();
  for (const item of labelled.identifying) {
    const findings = await screen(item.text);
    const r = byKind.get(item.kind) ?? {
      kind: item.kind,
      spans: 0,
      errors: 0,
      warnings: 0,
      exact: 0,
      missed: [],
    };
    byKind.set(item.kind, r);
    for (const span of item.spans) {
      r.spans++;
      const from = item.text.indexOf(span);
      const to = from + span.length;
      const hits = findings.filter((f) => f.offset < to && f.offset + f.text.length > from);
      if (hits.some((f) => f.kind !== 'possible-name')) r.errors++;
      else if (hits.length > 0) r.warnings++;
      else r.missed.push(`${span} — ${item.text}`);
      if (hits.some((f) => f.offset === from && f.text === span)) r.exact++;
    }
  }
  const withError: string[] = [];
  const withWarning: string[] = [];
  for (const sentence of labelled.clean) {
    const findings = await screen(sentence);
    const show = (f: Finding) => `${f.kind} "${f.text}" — ${sentence}`;
    const error = findings.find((f) => f.kind !== 'possible-name');
    if (error) withError.push(show(error));
    else if (findings.length > 0) withWarning.push(show(findings[0]!));
  }
  const kinds = [...byKind.values()];
  return {
    kinds,
    total: {
      spans: kinds.reduce((n, k) => n + k.spans, 0),
      found: kinds.reduce((n, k) => n + k.errors + k.warnings, 0),
      errors: kinds.reduce((n, k) => n + k.errors, 0),
    },
    clean: { sentences: labelled.clean.length, withError, withWarning },
  };
}
