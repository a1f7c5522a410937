/**
 * The interactive questions: a scripted person answers each prompt by the field it names; the
 * answers go through the same builder and validator as the flags, and the file is valid.
 * The prompts offered must come from the vocabularies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureRoot, type FixtureRoot } from '../../../tests/helpers/fixture-root.ts';
import { ask, type Choice, type Prompter } from './ask.ts';
import { newRecord } from './new-record.ts';

let fixture: FixtureRoot;
beforeEach(() => {
  fixture = fixtureRoot();
  process.env.JOL_TODAY = '2026-11-23';
});
afterEach(() => fixture.cleanup());

/** Answers prompts by the first word of their message; records what it was offered. */
function person(script: Record<string, unknown>) {
  const offered = new Map<string, Choice[]>();
  const asked: string[] = [];
  const key = (message: string) => message.split(/[\s(]/)[0]!;
  const answer = <T>(message: string, fallback: T): T => {
    asked.push(key(message));
    const k = key(message);
    return (k in script ? script[k] : fallback) as T;
  };
  let debriefs = 0;
  const prompter: Prompter = {
    input: async (q) => {
      const value = answer(q.message, '');
      if (q.validate) {
        const ok = q.validate(value);
        if (ok !== true)
          throw new Error(`Prompt for ${key(q.message)} refused "${String(value)}": ${String(ok)}`);
      }
      return value;
    },
    select: async (q) => {
      offered.set(key(q.message), q.choices);
      return answer(q.message, q.choices[0]!.value);
    },
    checkbox: async (q) => {
      offered.set(key(q.message), q.choices);
      return answer(q.message, []);
    },
    confirm: async (q) => {
      if (q.message.startsWith('Add')) return q.message.includes('debrief') && debriefs++ === 0;
      return answer(q.message, false);
    },
  };
  return { prompter, offered, asked };
}

describe('npm run new, interactively', () => {
  it('asks for every field not given as a flag, offers vocabulary choices, and writes a valid lesson', async () => {
    const { prompter, offered, asked } = person({
      title: 'Welfare cell was set up jointly and early',
      summary:
        'A joint welfare cell was set up within the first hour, so that families got one consistent message from all agencies.',
      date: '2017-06-01',
      source: 'incident',
      event: '',
      submitted_by: 'greater-manchester-police',
      organisations: 'greater-manchester-police, north-west-ambulance-service',
      submitted: '2017-07-01',
      criteria: ['improves-interoperability'],
      classification: 'official',
      '##': 'Text of the section.',
    });
    const answers = await ask(
      'notable-practice',
      { title: 'Given as a flag: joint welfare cell set up early' },
      prompter,
    );
    expect(asked).not.toContain('title');
    expect(offered.get('criteria')!.map((c) => c.value)).toEqual([
      'improves-interoperability',
      'improves-national-capabilities',
    ]);
    expect(offered.get('source')!.map((c) => c.value)).toEqual([
      'incident',
      'exercise',
      'training',
      'testing',
      'external',
    ]);
    expect(offered.get('classification')!.map((c) => c.name)).toEqual([
      'OFFICIAL (official)',
      'OFFICIAL-SENSITIVE (official-sensitive)',
    ]);
    const result = await newRecord('notable-practice', answers, fixture.root, fixture.cwd);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.text).toContain('title: "Given as a flag: joint welfare cell set up early"');
  });

  it('optional choices can be left empty; lists of small records are asked item by item', async () => {
    const { prompter } = person({
      name: 'Exercise Quiet Harbour',
      type: 'exercise',
      start: '2024-05-01',
      classification: 'official',
      forum: '',
      area: '',
      end: '',
      organisations: '',
      'debrief.type': 'hot',
      'debrief.date': '2024-05-02',
    });
    const answers = await ask('event', {}, prompter);
    expect(answers.debriefs).toEqual([{ type: 'hot', date: '2024-05-02' }]);
    const result = await newRecord('event', answers, fixture.root, fixture.cwd);
    expect(result.written).toBe(true);
    expect(result.text).toBe(
      'name: Exercise Quiet Harbour\ntype: exercise\nstart: 2024-05-01\nmajor_incident_declared: false\ndebriefs:\n  - type: hot\n    date: 2024-05-02\nclassification: official\npublic: false\n',
    );
  });

  it('a prompt refuses text that cannot be right before it is written', async () => {
    const { prompter } = person({
      name: 'Exercise Quiet Harbour',
      type: 'exercise',
      start: '01/05/2024',
    });
    await expect(ask('event', {}, prompter)).rejects.toThrow(
      'Prompt for start refused "01/05/2024": Write the date as YYYY-MM-DD',
    );
  });
});
