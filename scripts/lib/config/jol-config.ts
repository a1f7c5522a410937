/**
 * Repository settings shared by the generators, the bots and the workflows: `jol.config.json`
 * at the repository root (or the file named by JOL_CONFIG). Checked with zod so that a typo
 * fails loudly, with the file and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const label = z.strictObject({
  name: z.string().min(1).max(50),
  color: z.string().regex(/^[0-9a-f]{6}$/),
  description: z.string().max(100),
});

export const LABEL_KEYS = [
  'submission',
  'lesson',
  'notable-practice',
  'assurance-return',
  'needs-changes',
  'pr-opened',
  'bot-error',
  'in-review',
  'approved',
  'published',
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

export const jolConfigSchema = z.strictObject({
  repository: z
    .string()
    .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/)
    .describe('owner/name of the GitHub repository.'),
  defaultBranch: z.string().min(1).describe('The branch that publishes.'),
  reviewersTeam: z
    .string()
    .regex(/^@[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/)
    .describe('The central reviewers team (@org/team): owns every file in CODEOWNERS.'),
  siteUrl: z
    .string()
    .url()
    .describe('Where the public edition is published (links in comments and emails).'),
  submissionBranchPrefix: z
    .string()
    .regex(/^[a-z0-9][a-z0-9/-]*-$/)
    .describe('Branch name prefix for pull requests made from issues; the issue number follows.'),
  assuranceFormSlots: z
    .number()
    .int()
    .min(1)
    .max(20)
    .describe('How many recommendations the assurance-return form has room for.'),
  notify: z.strictObject({
    edition: z.enum(['public', 'responders']).describe('Which edition the email summary draws on.'),
    subjectPrefix: z.string().max(40),
  }),
  labels: z.strictObject(
    Object.fromEntries(LABEL_KEYS.map((k) => [k, label])) as Record<LabelKey, typeof label>,
  ),
});

export type JolConfig = z.output<typeof jolConfigSchema>;

/** The repository root (two levels above scripts/lib/config). */
export const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
);

export function loadConfig(
  file = process.env.JOL_CONFIG || path.join(REPO_ROOT, 'jol.config.json'),
): JolConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: could not read the JOL configuration: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = jolConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`)
      .join('\n');
    throw new Error(`${file}: the JOL configuration is not valid:\n${problems}`);
  }
  return parsed.data;
}
