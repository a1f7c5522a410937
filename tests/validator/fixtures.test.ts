/**
 * Every rule of the registry (schemas/rule-ids.ts) has a fixture under
 * tests/fixtures/invalid/<rule>/ whose expected.txt holds the exact lines the validator prints
 * for it (file:line:col, severity, message, rule), and among them the rule itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate-content.ts';
import { formatText } from '../../scripts/lib/report/text.ts';
import { ruleIds } from '../../schemas/rule-ids.ts';
import { fixtureRoot, invalidFixtures, type FixtureRoot } from '../helpers/fixture-root.ts';

process.env.JOL_TODAY = '2026-11-23';
const roots: FixtureRoot[] = [];
afterAll(() => roots.forEach((r) => r.cleanup()));

async function run(overlay?: string) {
  const fixture = fixtureRoot(overlay);
  roots.push(fixture);
  // A fixture may set validator options (file/timeout sets a short time limit).
  const meta = overlay && path.join(overlay, 'fixture.json');
  const options =
    meta && fs.existsSync(meta)
      ? ((JSON.parse(fs.readFileSync(meta, 'utf8')) as { options?: object }).options ?? {})
      : {};
  return validateContent({
    root: fixture.root,
    cwd: fixture.cwd,
    cache: false,
    workers: 0,
    ...options,
  });
}

describe('valid fixture', () => {
  it('has no problems at all', async () => {
    const result = await run();
    expect(result.diagnostics).toEqual([]);
    expect(result.records).toBe(12);
  });
});

describe('invalid fixtures', () => {
  const fixtures = invalidFixtures();
  it('are one folder per rule of the registry, named by its id', () => {
    const named = new Set(fixtures.map((f) => f.rule));
    expect({
      rulesWithoutFixture: ruleIds.filter((id) => !named.has(id)),
      fixturesOfNoRule: [...named].filter((rule) => !(ruleIds as readonly string[]).includes(rule)),
    }).toEqual({ rulesWithoutFixture: [], fixturesOfNoRule: [] });
  });
  for (const { rule, dir } of fixtures) {
    it(`${rule} reports exactly the expected problems`, async () => {
      const result = await run(dir);
      const lines = formatText(result.diagnostics, result.checked).trimEnd().split('\n');
      lines.splice(-2); // blank line and summary
      const expected = fs
        .readFileSync(path.join(dir, 'expected.txt'), 'utf8')
        .trimEnd()
        .split('\n');
      expect(lines).toEqual(expected);
      // The fixture is named after the rule it exercises: that very rule must fire.
      expect(result.diagnostics.map((d) => d.rule)).toContain(rule);
    });
  }
});
