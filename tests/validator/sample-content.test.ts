/**
 * The sample knowledge base in content/: it validates, it covers what the product needs to
 * show (both kinds, every principle, model, source, nation …), and a corrupted copy of it
 * reports every planted error at the right file and line, all in one run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordSummary } from '../../scripts/lib/checks/types.ts';
import { validateContent, type ValidateResult } from '../../scripts/lib/validate-content.ts';
import { assuranceStates, models, principles, sources } from '../../schemas/vocabularies.ts';
import { tempDir } from '../helpers/fixture-root.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');
process.env.JOL_TODAY = '2026-11-23';

let result: ValidateResult;
const of = (collection: string) => result.summaries.filter((s) => s.collection === collection);
const values = (records: RecordSummary[], field: string) =>
  new Set(records.flatMap((r) => [r.data[field]].flat()).filter(Boolean));

beforeAll(async () => {
  result = await validateContent({
    root: CONTENT,
    cwd: path.dirname(CONTENT),
    cache: false,
    workers: 0,
  });
});

describe('the sample knowledge base', () => {
  it('validates with no errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has the records the product needs to show', () => {
    const lessons = of('lessons');
    expect(lessons.length).toBeGreaterThanOrEqual(40);
    expect(values(lessons, 'kind')).toEqual(new Set(['lesson-identified', 'notable-practice']));
    expect(values(lessons, 'principles')).toEqual(new Set(principles.ids));
    expect(values(lessons, 'models')).toEqual(new Set(models.ids));
    expect(values(lessons, 'source')).toEqual(new Set(sources.ids));
    expect(values(lessons, 'risks').size).toBeGreaterThanOrEqual(15);
    expect(of('action-notes')).toHaveLength(5);
    expect(values(of('action-notes'), 'kind')).toEqual(new Set(['for-action', 'for-information']));
    expect(of('events').length).toBeGreaterThanOrEqual(12);
    expect(of('organisations').length).toBeGreaterThanOrEqual(30);
    expect([...values(of('organisations'), 'nation')]).toEqual(
      expect.arrayContaining(['england', 'wales', 'scotland', 'northern-ireland']),
    );
    const states = new Set(
      of('assurance').flatMap((a) => (a.data.returns as { state: string }[]).map((r) => r.state)),
    );
    expect(states).toEqual(new Set(assuranceStates.ids));
  });

  it('marks only a few records non-public, and says they are fictional', () => {
    const hidden = result.summaries.filter(
      (s) =>
        s.collection !== 'organisations' && s.collection !== 'assurance' && s.data.public !== true,
    );
    expect(hidden.length).toBeGreaterThan(0);
    for (const record of hidden) {
      expect(record.data.classification, record.id).toBe('official-sensitive');
      expect(String(record.data.title ?? record.data.name), record.id).toMatch(/fictional/i);
    }
  });
});

describe('a corrupted copy of the sample knowledge base', () => {
  let cwd: string;
  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('reports each planted error at the right file and line, all in one run', async () => {
    cwd = tempDir();
    const root = path.join(cwd, 'content');
    fs.cpSync(CONTENT, root, { recursive: true });
    const planted: { file: string; rule: string; line: number }[] = [];
    /** Replaces text in a file and records the line where the replacement starts. */
    const plant = (
      rel: string,
      from: string | RegExp,
      to: string,
      rule: string,
      lineOffset = 0,
    ) => {
      const file = path.join(root, rel);
      const text = fs.readFileSync(file, 'utf8');
      const index = typeof from === 'string' ? text.indexOf(from) : text.search(from);
      expect(index, `${rel}: ${String(from)}`).toBeGreaterThanOrEqual(0);
      fs.writeFileSync(file, text.replace(from, to));
      planted.push({
        file: `content/${rel}`,
        rule,
        line: text.slice(0, index).split('\n').length + lineOffset,
      });
    };
    const lessons = fs.readdirSync(path.join(root, 'lessons')).sort();
    const identified = lessons.filter((f) =>
      fs.readFileSync(path.join(root, 'lessons', f), 'utf8').includes('## Why it matters'),
    );
    plant(`lessons/${lessons[0]}`, /^source: \w+$/m, 'source: incidnt', 'schema/enum');
    plant(
      `lessons/${identified[3]}`,
      '## Why it matters\n',
      '## Why It Matters\n',
      'body/required-sections',
    );
    plant(
      `lessons/${lessons[7]}`,
      /^## /m,
      'Contact PC Smith for details.\n\n## ',
      'personal-data/titled-name',
    );
    plant(
      `lessons/${lessons[9]}`,
      /^classification: official$/m,
      'classification: official\ntitel: A typo',
      'schema/unknown-key',
      1,
    );
    plant(
      'events/2017-06-14-grenfell-tower-fire.yaml',
      /^type: incident$/m,
      'type: accident',
      'schema/enum',
    );
    plant(
      'organisations/london-fire-brigade.yaml',
      /^sector: fire-rescue$/m,
      'sector: fire-rescue\nsector: fire',
      'yaml/syntax',
      1,
    );
    const note = fs.readdirSync(path.join(root, 'assurance'))[0]!;
    const ret = fs.readdirSync(path.join(root, 'assurance', note))[0]!;
    plant(
      `assurance/${note}/${ret}`,
      /recommendation: R1$/m,
      'recommendation: R9',
      'references/missing',
    );
    plant('action-notes/2025-002.md', /^issued: 2025-/m, 'issued: 2024-', 'file/id-date');

    const corrupted = await validateContent({ root, cwd, cache: false, workers: 2 });
    const errors = corrupted.diagnostics.filter((d) => d.severity === 'error');
    for (const p of planted) {
      expect(errors, `${p.file} ${p.rule}`).toContainEqual(
        expect.objectContaining({ file: p.file, rule: p.rule, line: p.line }),
      );
    }
    // Nothing but the planted problems (and what they imply for the same files) is reported.
    expect(new Set(errors.map((e) => e.file))).toEqual(new Set(planted.map((p) => p.file)));
  });
});
