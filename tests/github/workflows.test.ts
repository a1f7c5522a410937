/**
 * The workflow files pass actionlint and the project's security rules; the rules themselves
 * catch the mistakes they are for (each has a failing example).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintWorkflow, policyFindings } from '../../scripts/lib/github/workflow-policy.ts';

const DIR = path.resolve(import.meta.dirname, '../../.github/workflows');
const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .sort();

describe('every workflow', () => {
  it('exists for each job of the issue', () => {
    expect(files).toEqual([
      'code.yml',
      'deploy.yml',
      'labels.yml',
      'notify.yml',
      'pull-request-comment.yml',
      'pull-request.yml',
      'submission.yml',
    ]);
  });
  for (const file of files) {
    it(`${file} passes actionlint and the security rules`, async () => {
      expect(await lintWorkflow(fs.readFileSync(path.join(DIR, file), 'utf8'), file)).toEqual([]);
    });
  }

  // Digests of closed quarters, published dates and the assurance history come from the whole
  // Git history: a shallow checkout would build them from the current files instead.
  it('checks out the full history (fetch-depth 0) in every job that builds the site', () => {
    type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
    const builders: string[] = [];
    for (const file of files) {
      const wf = parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as {
        jobs: Record<string, { steps?: Step[] }>;
      };
      for (const [name, job] of Object.entries(wf.jobs)) {
        const steps = job.steps ?? [];
        if (!steps.some((s) => /\bnpm run build\b|\bastro build\b/.test(s.run ?? ''))) continue;
        builders.push(`${file} ${name}`);
        const checkout = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
        expect(checkout.length, `${file} ${name}`).toBeGreaterThan(0);
        for (const s of checkout) expect(s.with?.['fetch-depth'], `${file} ${name}`).toBe(0);
      }
    }
    expect(builders.length).toBeGreaterThan(0);
  });
});

describe('the security rules catch what they are for', () => {
  const bad = `name: bad
on:
  pull_request_target:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main
      - run: echo "\${{ github.event.pull_request.title }}"
`;
  it('reports missing permissions, pull_request_target, expressions in run and moving refs, with positions', () => {
    expect(policyFindings(bad, 'bad.yml').map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([
      '1:1 workflow/permissions',
      '3:3 workflow/pull-request-target',
      '5:3 workflow/job-permissions',
      '8:15 workflow/unpinned-action',
      '9:14 workflow/expression-in-run',
    ]);
  });
  it('accepts only actions pinned to a full commit SHA with the version in a comment', () => {
    const uses = (ref: string) => `name: x
on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: ${ref}
`;
    const rules = (ref: string) => policyFindings(uses(ref), 'x.yml').map((f) => f.message);
    expect(rules('actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09 # v5.1.0')).toEqual([]);
    expect(rules('./.github/actions/local')).toEqual([]);
    expect(rules('actions/checkout@v5')).toEqual([
      expect.stringContaining('the reference "v5", which can be moved; expected a full commit SHA'),
    ]);
    expect(rules('actions/checkout@fbc6f399')).toHaveLength(1);
    expect(rules('actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09')).toEqual([
      expect.stringContaining('pinned without its version'),
    ]);
  });
  it('actionlint itself reports untrusted input in an inline script', async () => {
    const findings = await lintWorkflow(bad, 'bad.yml');
    expect(
      findings.some(
        (f) => f.rule === 'actionlint/expression' && /potentially untrusted/.test(f.message),
      ),
    ).toBe(true);
  });
  it('a workflow_run job that checks out the triggering head is reported', () => {
    const text = `name: x
on:
  workflow_run:
    workflows: [a]
    types: [completed]
permissions: {}
jobs:
  c:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09 # v5.1.0
        with:
          ref: \${{ github.event.workflow_run.head_sha }}
`;
    expect(policyFindings(text, 'x.yml').map((f) => f.rule)).toEqual([
      'workflow/checkout-untrusted',
    ]);
  });
});

describe('what the workflows promise', () => {
  const load = (f: string) =>
    parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: unknown;
      jobs: Record<
        string,
        {
          permissions: Record<string, string>;
          steps: {
            uses?: string;
            run?: string;
            env?: Record<string, string>;
            with?: Record<string, unknown>;
          }[];
        }
      >;
    };

  it('every workflow starts from no permissions', () => {
    for (const f of files) expect(load(f).permissions, f).toEqual({});
  });

  it('only the Pages deploy job may write to Pages, and only the public edition is uploaded to it', () => {
    const deploy = load('deploy.yml');
    expect(deploy.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    const steps = deploy.jobs.build!.steps;
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    const built = steps.slice(0, upload).filter((s) => s.env?.JOL_EDITION);
    expect(built.map((s) => s.env!.JOL_EDITION)).toEqual(['public']);
    expect(steps[upload]!.with!.path).toBe('${{ runner.temp }}/public-edition');
    const responders = steps.findIndex((s) => s.env?.JOL_EDITION === 'responders');
    expect(responders).toBeGreaterThan(upload);
    expect(
      steps.slice(responders).some((s) => s.uses?.startsWith('actions/upload-pages-artifact@')),
    ).toBe(false);
    for (const f of files) {
      for (const job of Object.values(load(f).jobs))
        if (job.permissions.pages)
          expect(job.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    }
  });

  it('the submission bot uses an App (or fine-grained) token, not GITHUB_TOKEN, which only reports a failed start', () => {
    const job = load('submission.yml').jobs.submit!;
    expect(job.permissions).toEqual({ contents: 'read', issues: 'write' });
    const run = job.steps.find((s) => s.run === 'npm run --silent issue-to-pr')!;
    expect(run.env!.JOL_BOT_TOKEN).toBe(
      '${{ steps.app-token.outputs.token || secrets.JOL_BOT_TOKEN }}',
    );
    const report = job.steps.find((s) => s.run?.includes('--report-failure'))!;
    expect(report.env!.GITHUB_TOKEN).toBe('${{ github.token }}');
    expect((report as { if?: string }).if).toBe('failure() || cancelled()');
    // The bot's own limit leaves the job time to run the report when the bot times out.
    const limit = (run as { 'timeout-minutes'?: number })['timeout-minutes']!;
    expect(limit).toBeLessThan((job as { 'timeout-minutes'?: number })['timeout-minutes']!);
    expect(run.env!.JOL_BOT_DONE_FILE).toBe(report.env!.JOL_BOT_DONE_FILE);
    expect(job.steps.some((s) => s.uses?.startsWith('actions/create-github-app-token@'))).toBe(
      true,
    );
  });

  it('pull-request code runs read-only; the comment workflow never checks out the pull request', () => {
    const pr = load('pull-request.yml');
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    for (const job of Object.values(pr.jobs)) expect(job.permissions).toEqual({ contents: 'read' });
    const comment = load('pull-request-comment.yml').jobs.comment!;
    expect(comment.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!.with).toEqual({
      'persist-credentials': false,
    });
  });
});

describe('the code workflow', () => {
  const workflow = parse(fs.readFileSync(path.join(DIR, 'code.yml'), 'utf8')) as {
    on: Record<string, { branches: string[]; 'paths-ignore': string[] }>;
    permissions: Record<string, string>;
    env: Record<string, string>;
    jobs: Record<
      string,
      {
        permissions: Record<string, string>;
        container?: string;
        steps: { run?: string; uses?: string }[];
      }
    >;
  };
  const job = Object.values(workflow.jobs)[0]!;

  it('runs on pull requests and pushes to main that touch more than content', () => {
    for (const event of ['pull_request', 'push']) {
      expect(workflow.on[event]!.branches).toEqual(['main']);
      expect(workflow.on[event]!['paths-ignore']).toEqual(['content/**']);
    }
  });

  it('runs exactly the checks of .ci/run, in the same order', () => {
    const ciRun = fs.readFileSync(path.resolve(DIR, '../../.ci/run'), 'utf8');
    const block = /# checks: begin\n([\s\S]*?)# checks: end/.exec(ciRun);
    expect(block, '.ci/run marks its checks').not.toBeNull();
    const local = block![1]!.trim().split('\n');
    const steps = job.steps
      .flatMap((s) => (s.run ?? '').split('\n'))
      .filter((l) => l.startsWith('npm run') || l.startsWith('npm test'));
    expect(steps).toEqual(local);
    expect(local).toEqual(
      expect.arrayContaining([
        'npm run lint',
        'npm run typecheck',
        'npm run typecheck:astro',
        'npm test',
        'npm run test:browser',
      ]),
    );
  });

  it("reads the repository and nothing more, and uses Debian's Chromium without telemetry", () => {
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'read' });
    expect(job.container).toMatch(/^debian:/);
    expect(job.steps.some((s) => /apt-get install[^\n]* chromium/.test(s.run ?? ''))).toBe(true);
    expect(workflow.env.ASTRO_TELEMETRY_DISABLED).toBe('1');
  });
});

describe('no outside calls', () => {
  const ROOT = path.resolve(DIR, '../..');
  it("Astro's telemetry is off in every npm script, workflow and .ci/run that runs Astro", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const runsAstro = /(^|\s)astro (build|preview|check|dev)\b/;
    const astroScripts = Object.entries(pkg.scripts).filter(([, cmd]) => runsAstro.test(cmd));
    expect(astroScripts.map(([name]) => name)).toEqual(
      expect.arrayContaining(['build', 'start', 'typecheck:astro']),
    );
    for (const [name, cmd] of astroScripts)
      for (const part of cmd.split('&&').filter((p) => runsAstro.test(p)))
        expect(part.trim(), name).toMatch(/^ASTRO_TELEMETRY_DISABLED=1 astro /);
    for (const f of files) {
      const text = fs.readFileSync(path.join(DIR, f), 'utf8');
      if (!/npm (run (build|test|typecheck:astro)|test)\b/.test(text)) continue;
      const wf = parse(text) as { env?: Record<string, string> };
      expect(wf.env?.ASTRO_TELEMETRY_DISABLED, f).toBe('1');
    }
    expect(fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(
      /^export ASTRO_TELEMETRY_DISABLED=1$/m,
    );
  });
});
