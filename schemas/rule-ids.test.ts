import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRuleId, ruleDescriptions, ruleIds } from './rule-ids.ts';

/** The rule ids named in the first column of CONTRIBUTING.md's "What the rules mean" table. */
function idsInContributing(): string[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, '..', 'CONTRIBUTING.md'), 'utf8');
  const start = text.indexOf('### What the rules mean');
  if (start < 0) throw new Error('CONTRIBUTING.md: expected a section "### What the rules mean"');
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > first && !line.startsWith('|'));
  // Skip the header row and the |---| row; the ids are the backticked words of the first cell.
  return lines
    .slice(first + 2, end < 0 ? undefined : end)
    .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

describe('the rule registry', () => {
  it('holds ids written group/name in lower-case words, each described on one line', () => {
    for (const id of ruleIds) {
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*\/[a-z]+(?:-[a-z]+)*$/);
      expect(ruleDescriptions[id]).toMatch(/^[^\n]{10,100}$/);
    }
  });

  it('recognises its own ids only', () => {
    expect(ruleIds.every(isRuleId)).toBe(true);
    expect(['schema/rule', 'body/markdown', 'personal-data', 'schema', 3].some(isRuleId)).toBe(
      false,
    );
  });

  it("is exactly the ids of CONTRIBUTING.md's rule table, each named once", () => {
    const documented = idsInContributing();
    expect(documented.filter((id, i) => documented.indexOf(id) !== i)).toEqual([]);
    expect({
      undocumented: ruleIds.filter((id) => !documented.includes(id)),
      notRules: documented.filter((id) => !isRuleId(id)),
    }).toEqual({ undocumented: [], notRules: [] });
  });
});
