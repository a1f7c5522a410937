/**
 * The committed issue forms read back: an issue body written the way GitHub writes a submitted
 * form (tests/github/issue-body.ts) comes back as the answers, by field name — including
 * dropdown labels whose names hold commas, and ticked checkboxes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { option, renderIssueBody } from '../../../tests/github/issue-body.ts';
import { answersFromIssue } from './read-form.ts';

const TEMPLATES = path.resolve(import.meta.dirname, '../../../.github/ISSUE_TEMPLATE');
const read = (kind: string) => fs.readFileSync(path.join(TEMPLATES, `${kind}.yml`), 'utf8');

describe('reading a submitted form', () => {
  it('lesson: labels back to ids, empty answers left out, text kept as written', () => {
    const yaml = read('lesson');
    const form = parse(yaml) as Record<string, unknown>;
    const body = renderIssueBody(form, {
      title: 'A title with ### inside and `code`',
      source: option(form, 'source', 'exercise'),
      submitted_by: option(form, 'submitted_by', 'hm-coastguard'),
      organisations: [
        option(form, 'organisations', 'hm-coastguard'),
        option(form, 'organisations', 'greater-manchester-police'),
      ],
      risks: [option(form, 'risks', 'cbrn-attacks'), option(form, 'risks', 'coastal-flooding')],
      criteria: [option(form, 'criteria', 'interoperability')],
      public: 'Yes',
      'section-what-happened': 'Line one.\n\n- a list\n- of things',
    });
    const answers = answersFromIssue('lesson', body, yaml);
    expect(answers).toMatchObject({
      title: 'A title with ### inside and `code`',
      source: 'Exercise (exercise)',
      submitted_by: 'hm-coastguard',
      organisations: ['hm-coastguard', 'greater-manchester-police'],
      risks:
        'Chemical, Biological, Radiological and Nuclear (CBRN) attacks (cbrn-attacks), Coastal flooding (coastal-flooding)',
      criteria: ['Affects interoperability (interoperability)'],
      public: 'Yes',
      'section-what-happened': 'Line one.\n\n- a list\n- of things',
    });
    expect(answers.summary).toBeUndefined();
    expect(answers.principles).toBeUndefined();
  });

  it('"None" is an empty answer only where GitHub writes it for a dropdown left unanswered', () => {
    const yaml = read('lesson');
    const form = parse(yaml) as Record<string, unknown>;
    const body = renderIssueBody(form, {
      organisations: 'None',
      tags: 'None',
      'section-recommendation': 'None',
    });
    const answers = answersFromIssue('lesson', body, yaml);
    expect(answers.organisations).toBeUndefined();
    expect(answers.tags).toBe('None');
    expect(answers['section-recommendation']).toBe('None');
  });

  it('assurance return: the recommendation slots become the returns list', () => {
    const yaml = read('assurance-return');
    const form = parse(yaml) as Record<string, unknown>;
    const body = renderIssueBody(form, {
      action_note: '2025-002',
      organisation: option(form, 'organisation', 'london-fire-brigade'),
      'R1-state': option(form, 'R1-state', 'implemented'),
      'R1-evidence': 'Done.',
      'R2-state': 'No return yet',
      'R3-state': option(form, 'R3-state', 'not-started'),
    });
    const answers = answersFromIssue('assurance-return', body, yaml);
    expect(answers.organisation).toBe('london-fire-brigade');
    expect(answers.returns).toEqual([
      { recommendation: 'R1', state: 'Implemented (implemented)', evidence: 'Done.' },
      { recommendation: 'R3', state: 'Not started (not-started)', evidence: undefined },
    ]);
  });

  it('headings someone added by editing the issue are not read as fields, and "###" inside an answer is kept', () => {
    const yaml = read('lesson');
    const answers = answersFromIssue(
      'lesson',
      '### Title\n\nA real title here\n\n### __proto__\n\nx\n\n### Published\n\n2020-01-01',
      yaml,
    );
    expect(Object.keys(answers)).toEqual(['title']);
    expect(answers.title).toBe(
      'A real title here\n\n### __proto__\n\nx\n\n### Published\n\n2020-01-01',
    );
    const again = answersFromIssue(
      'lesson',
      '### Title\n\nT\n\n### Summary\n\nS\n\n### What happened\n\n### Summary\n\nstill what happened',
      yaml,
    );
    expect(again).toEqual({
      title: 'T',
      summary: 'S',
      'section-what-happened': '### Summary\n\nstill what happened',
    });
  });
});
