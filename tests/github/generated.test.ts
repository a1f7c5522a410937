/**
 * Generated files (issue forms, CODEOWNERS) are what a fresh generation gives, are valid issue
 * forms / CODEOWNERS, and the --check mode fails when one is stale.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { codeownersText } from '../../scripts/lib/codeowners/codeowners.ts';
import { loadConfig } from '../../scripts/lib/config/jol-config.ts';
import { issueFormFiles } from '../../scripts/lib/forms/issue-form.ts';
import { readOrganisations } from '../../scripts/lib/records/organisations.ts';
import { tempDir } from '../helpers/fixture-root.ts';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');
const config = loadConfig();
const organisations = readOrganisations(path.join(REPO, 'content'));

describe('generated files match a fresh generation', () => {
  for (const [rel, text] of issueFormFiles({ organisations, config })) {
    it(rel, () => expect(fs.readFileSync(path.join(REPO, rel), 'utf8')).toBe(text));
  }
  it('.github/CODEOWNERS', () =>
    expect(fs.readFileSync(path.join(REPO, '.github/CODEOWNERS'), 'utf8')).toBe(
      codeownersText(organisations, config),
    ));
});

type FormElement = {
  type: string;
  id?: string;
  attributes: Record<string, unknown>;
  validations?: Record<string, unknown>;
};

describe('the issue forms follow GitHub’s form schema', () => {
  for (const [rel, text] of issueFormFiles({ organisations, config })) {
    if (rel.endsWith('config.yml')) continue;
    it(rel, () => {
      const form = parse(text) as {
        name: string;
        description: string;
        labels: string[];
        body: FormElement[];
      };
      expect(form.name).toMatch(/^\S.{4,}/);
      expect(form.description).toMatch(/^\S.{10,}/);
      const ids = form.body.filter((e) => e.type !== 'markdown').map((e) => e.id!);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      const labels = form.body
        .filter((e) => e.type !== 'markdown')
        .map((e) => e.attributes.label as string);
      expect(new Set(labels).size).toBe(labels.length);
      for (const e of form.body) {
        expect(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']).toContain(e.type);
        if (e.type === 'markdown') expect(typeof e.attributes.value).toBe('string');
        else expect((e.attributes.label as string).length).toBeGreaterThan(0);
        if (e.type === 'dropdown') {
          const options = e.attributes.options as string[];
          expect(options.length).toBeGreaterThan(0);
          expect(new Set(options).size).toBe(options.length);
          // GitHub reserves "None" for an unanswered dropdown.
          expect(options).not.toContain('None');
        }
        if (e.type === 'checkboxes')
          expect(
            (e.attributes.options as { label: string }[]).every((o) => o.label.length > 0),
          ).toBe(true);
      }
      for (const label of form.labels)
        expect(Object.values(config.labels).map((l) => l.name)).toContain(label);
    });
  }

  it('each organisation with SPOCs owns its assurance returns, and the central team owns everything', () => {
    const text = fs.readFileSync(path.join(REPO, '.github/CODEOWNERS'), 'utf8');
    expect(text).toMatch(/^\* @jol-library\/jol-central-team$/m);
    expect(text).toContain(
      '/content/assurance/*/greater-manchester-police.yaml @jol-library/jol-central-team @',
    );
    const rules = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rules.length).toBe(1 + organisations.filter((o) => o.spoc.length > 0).length);
  });
});

describe('--check', () => {
  it('fails and names the stale file; writing fixes it', async () => {
    const repo = tempDir('jol-generated-');
    const env = {
      ...process.env,
      JOL_REPO_ROOT: repo,
      JOL_CONTENT_DIR: path.join(REPO, 'content'),
    };
    const check = () =>
      run(process.execPath, [path.join(REPO, 'scripts/generate-codeowners.ts'), '--check'], {
        env,
      }).then(
        () => 0,
        (e: { code: number; stdout: string }) => e,
      );
    const failed = await check();
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toContain(
      '.github/CODEOWNERS:1:1  error  Out of date',
    );
    await run(process.execPath, [path.join(REPO, 'scripts/generate-codeowners.ts')], { env });
    expect(await check()).toBe(0);
    fs.rmSync(repo, { recursive: true, force: true });
  });
});
