/**
 * Each rule's documentation carries `ok` and `not-ok` examples (as remark-lint's rules do);
 * this test reads them from the rule modules and runs them, so the docs cannot drift. The rule
 * modules are found in this folder (every module but the processor and the tests), and must be
 * exactly the rules the processor runs, each reported under an id of schemas/rule-ids.ts.
 * An example is `@example ok|not-ok [options as JSON]`, its Markdown indented below, and for
 * not-ok the expected messages as lines `=> line:column message` (0:0 = the whole file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleIds } from '../../../schemas/rule-ids.ts';
import { bodyRuleNames, lintBody } from './processor.ts';

interface Example {
  kind: 'ok' | 'not-ok';
  options: string[];
  markdown: string;
  expected: string[];
}

export function examplesOf(source: string): Example[] {
  const doc = source.slice(source.indexOf('/**'), source.indexOf('*/'));
  const lines = doc.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  const out: Example[] = [];
  let current: Example | undefined;
  for (const line of lines) {
    const head = /^@example (ok|not-ok)(?: (.*))?$/.exec(line);
    if (head) {
      current = {
        kind: head[1] as Example['kind'],
        options: head[2] ? JSON.parse(head[2]) : [],
        markdown: '',
        expected: [],
      };
      out.push(current);
    } else if (current && line.startsWith('  => ')) current.expected.push(line.slice(5));
    else if (current && line.startsWith('  ')) current.markdown += `${line.slice(2)}\n`;
    else if (current && line.trim() === '' && current.markdown) current.markdown += '\n';
  }
  return out;
}

const rules = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'processor.ts')
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();

describe('the body rules', () => {
  it('are the modules of this folder, each run by the processor', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect([...bodyRuleNames()].sort()).toEqual(rules);
  });
  it('are exactly the body/* ids of the rule registry', () => {
    expect(ruleIds.filter((id) => id.startsWith('body/'))).toEqual(
      expect.arrayContaining(rules.map((r) => `body/${r}`)),
    );
    expect(ruleIds.filter((id) => id.startsWith('body/')).length).toBe(rules.length);
  });
  it.each(rules)('%s exports the remark-lint rule jol:%s', async (rule) => {
    const module = (await import(
      pathToFileURL(path.join(import.meta.dirname, `${rule}.ts`)).href
    )) as Record<string, unknown>;
    const names = Object.values(module).flatMap((v) => (typeof v === 'function' ? [v.name] : []));
    expect(names).toContain(`jol:${rule}`);
  });
});

for (const rule of rules) {
  describe(`jol:${rule}`, () => {
    const examples = examplesOf(
      fs.readFileSync(path.join(import.meta.dirname, `${rule}.ts`), 'utf8'),
    );
    it('documents at least one ok and one not-ok example', () => {
      expect(examples.some((e) => e.kind === 'ok')).toBe(true);
      expect(examples.some((e) => e.kind === 'not-ok' && e.expected.length > 0)).toBe(true);
    });
    examples.forEach((example, index) => {
      it(`example ${index + 1} (${example.kind}) gives exactly the documented messages`, async () => {
        const { messages } = await lintBody(example.markdown.trimEnd() + '\n', example.options);
        const own = messages
          .filter((m) => m.rule === `body/${rule}`)
          .map((m) => `${m.line}:${m.column} ${m.message}`);
        expect(own).toEqual(example.kind === 'ok' ? [] : example.expected);
      });
    });
  });
}
