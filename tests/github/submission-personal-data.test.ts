/**
 * The issue-form bot runs the validator's personal-data check on the candidate record and names
 * the form field each finding is in: a name with a rank in "What happened", a name beside a role
 * in the summary, a bare name (a warning) in "Why it matters".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../scripts/lib/config/jol-config.ts';
import { formText, issueForm } from '../../scripts/lib/forms/issue-form.ts';
import { readOrganisations } from '../../scripts/lib/records/organisations.ts';
import { prepareSubmission } from '../../scripts/lib/submission/prepare-submission.ts';
import { fixtureRoot, type FixtureRoot } from '../helpers/fixture-root.ts';
import { option, renderIssueBody } from './issue-body.ts';

process.env.JOL_TODAY = '2026-11-23';
let fixture: FixtureRoot;
beforeEach(() => {
  fixture = fixtureRoot();
});
afterEach(() => fixture.cleanup());

describe('a submitted lesson with personal data', () => {
  it('gets each finding with the form field it is in, errors and the warning apart', async () => {
    const form = issueForm('lesson', {
      organisations: readOrganisations(fixture.root),
      config: loadConfig(),
    });
    const answers = {
      title: 'Radio interoperability talkgroup was opened late at a flooding exercise',
      summary:
        'During a flooding exercise the strategic commander, Neil Byrne, opened the interoperability talkgroup only after the first joint meeting.',
      date: '2025-10-08',
      source: option(form, 'source', 'exercise'),
      event: '2025-10-08-exercise-paper-lantern',
      submitted_by: option(form, 'submitted_by', 'greater-manchester-police'),
      organisations: [option(form, 'organisations', 'greater-manchester-police')],
      criteria: [option(form, 'criteria', 'interoperability')],
      principles: [option(form, 'principles', 'communicate')],
      models: [],
      command_levels: [option(form, 'command_levels', 'tactical')],
      risks: [option(form, 'risks', 'coastal-flooding')],
      tags: 'radio',
      related: '',
      classification: option(form, 'classification', 'official'),
      public: 'No',
      'section-what-happened': 'Station Manager Amir Shah opened the talkgroup late.',
      'section-why-it-matters': 'Early messages were relayed by Wojciech Nowak and went astray.',
      'section-recommendation':
        'Open the interoperability talkgroup when the first agency declares.',
      confirm: (form.body as { id?: string; attributes: { options?: { label: string }[] } }[])
        .find((e) => e.id === 'confirm')!
        .attributes.options!.map((o) => o.label),
    };
    const prepared = await prepareSubmission({
      kind: 'lesson',
      body: renderIssueBody(form, answers),
      formYaml: formText(form),
      root: fixture.root,
      cwd: fixture.cwd,
    });
    const personal = prepared.problems
      .filter((p) => p.rule.startsWith('personal-data/'))
      .map((p) => ({ field: p.field, severity: p.severity, rule: p.rule }));
    expect(personal).toEqual([
      { field: 'Summary', severity: 'error', rule: 'personal-data/named-person' },
      { field: 'What happened', severity: 'error', rule: 'personal-data/titled-name' },
      { field: 'Why it matters', severity: 'warning', rule: 'personal-data/possible-name' },
    ]);
    const summary = prepared.problems.find((p) => p.field === 'Summary')!;
    expect(summary.message).toContain('("Neil Byrne")');
    // What to write instead comes before the exception entry.
    expect(summary.message.indexOf('the strategic commander')).toBeLessThan(
      summary.message.indexOf('personal_data_exceptions'),
    );
  });
});
