/**
 * The pull-request check's findings as data, for the comment workflow. The check runs the pull
 * request's own code, so whatever it hands over may have been shaped by the pull request's
 * author. The comment workflow (default-branch code, with write access) therefore takes only
 * this: findings that pass a strict schema, which it words and escapes itself. Never Markdown
 * written by the pull request's run.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { isRuleId } from '../../../schemas/rule-ids.ts';
import type { Diagnostic } from '../diagnostic.ts';

export interface CheckReport {
  /** How many content files the pull request changed and the check read. */
  checked: number;
  diagnostics: Diagnostic[];
}

/** At most this many findings are taken (the comment shows 200 and says how many more). */
export const MAX_FINDINGS = 5_000;

const noControl = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), 'control characters');

const findingSchema = z.strictObject({
  file: noControl(500),
  line: z.number().int().min(0).max(10_000_000),
  column: z.number().int().min(0).max(10_000_000),
  severity: z.enum(['error', 'warning']),
  rule: z.string().refine(isRuleId, 'not a rule of the validator'),
  message: noControl(4_000),
  target: noControl(500)
    .refine(
      (t) => /^[A-Za-z0-9._/-]+$/.test(t) && !t.split('/').includes('..'),
      'a path inside the repository',
    )
    .optional(),
});

const reportSchema = z.strictObject({
  checked: z.number().int().min(0).max(10_000_000),
  diagnostics: z.array(findingSchema).max(MAX_FINDINGS),
});

export function writeReportFile(file: string, report: CheckReport): void {
  const diagnostics = report.diagnostics.map(
    ({ file, line, column, severity, rule, message, target }) =>
      target === undefined
        ? { file, line, column, severity, rule, message }
        : { file, line, column, severity, rule, message, target },
  );
  fs.writeFileSync(file, `${JSON.stringify({ checked: report.checked, diagnostics }, null, 2)}\n`);
}

/** Reads and checks a report; throws with what was wrong (nothing of it is then used). */
export function readReportFile(file: string): CheckReport {
  const text = fs.readFileSync(file, 'utf8');
  if (text.length > 20 * 1024 * 1024) throw new Error(`${file}: larger than 20 MiB`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${file}: not a content-check report: ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    );
  }
  return {
    checked: parsed.data.checked,
    diagnostics: parsed.data.diagnostics,
  };
}
