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

/** What the site says about one edition and its data files. */
const editionText = z.strictObject({
  dataTitle: z
    .string()
    .min(3)
    .max(40)
    .describe('The name of the data page and its links ("Open data", "Data downloads").'),
  licence: z
    .string()
    .min(10)
    .max(400)
    .describe(
      'The licence or reuse statement: the footer, the feeds, the data page and every data file.',
    ),
  handling: z
    .string()
    .min(10)
    .max(600)
    .describe('How to handle the data files: the data page and every data file.'),
  offlineNotice: z
    .string()
    .min(10)
    .max(600)
    .optional()
    .describe(
      'What readers are told before the site keeps pages on their device for offline reading (the Offline reading page, and where lessons are saved).',
    ),
  offlineByDefault: z
    .boolean()
    .optional()
    .describe(
      'true: the site keeps pages for offline reading unless the reader turns it off; false: nothing is kept until the reader turns it on after the notice (the responders edition).',
    ),
  offlineDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe('How many days a page kept for offline reading stays on the device.'),
});
export type EditionText = z.output<typeof editionText>;

/** The wording each edition gets when jol.config.json says nothing about it. */
export const EDITION_DEFAULTS = {
  responders: {
    dataTitle: 'Data downloads',
    licence:
      'OFFICIAL-SENSITIVE material for responder organisations only. No open licence applies: do not publish or share it outside responder organisations.',
    handling:
      'These files hold OFFICIAL-SENSITIVE records. Share them only with responder organisations that need them, over systems approved for OFFICIAL-SENSITIVE; never publish them or put them on a public host, and delete copies you no longer need.',
    offlineNotice:
      'Offline reading keeps copies of OFFICIAL-SENSITIVE pages on this device. Turn it on only on a device your organisation approves for OFFICIAL-SENSITIVE material, keep the device locked, and delete the copies when you no longer need them.',
    offlineByDefault: false,
    offlineDays: 14,
  },
  public: {
    dataTitle: 'Open data',
    licence: 'Contains public sector information licensed under the Open Government Licence v3.0.',
    handling:
      'These files hold only records cleared for public release (OFFICIAL and public), every organisation and the assurance returns of the public action notes.',
    offlineNotice:
      'This site keeps the pages you open, the newest lessons and the search index on this device so that you can read them without a connection. They hold only records cleared for public release.',
    offlineByDefault: true,
    offlineDays: 30,
  },
} as const satisfies Record<'responders' | 'public', EditionText>;

export const jolConfigSchema = z.strictObject({
  name: z
    .string()
    .min(3)
    .max(60)
    .default('JOL Library')
    .describe("The library's name: the site's header, page titles and feeds."),
  sample: z
    .boolean()
    .default(false)
    .describe(
      'true while the content is the sample library (fictional lessons): every page says so. `npm run init` sets it to false.',
    ),
  repository: z
    .string()
    .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/)
    .describe('owner/name of the GitHub repository.'),
  repositoryVisibility: z
    .enum(['private', 'public'])
    .default('private')
    .describe(
      'Whether the public can read the repository. Only when "public" does the public edition link to it (source, history, edit and submission forms).',
    ),
  contact: z
    .strictObject({
      name: z
        .string()
        .min(3)
        .max(100)
        .describe('Who runs the library, e.g. "the JOL central team".'),
      email: z
        .email()
        .optional()
        .describe('Their team mailbox, for organisations that want to join.'),
    })
    .default({ name: 'the JOL central team' })
    .describe('The central team organisations contact to join the library.'),
  editions: z
    .strictObject({
      responders: editionText.default(EDITION_DEFAULTS.responders),
      public: editionText.default(EDITION_DEFAULTS.public),
    })
    .default(EDITION_DEFAULTS)
    .describe("Each edition's data page title, licence statement and handling instructions."),
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

/** The config file: JOL_CONFIG, else jol.config.json at the repository root. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.JOL_CONFIG || path.join(REPO_ROOT, 'jol.config.json');
}

/** The repository root (two levels above scripts/lib/config). */
export const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
);

export function loadConfig(file = configPath()): JolConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: could not read the JOL configuration: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return checkConfig(raw, file);
}

/** The configuration checked against the schema, or an error naming the file and each field. */
export function checkConfig(raw: unknown, file: string): JolConfig {
  const parsed = jolConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`)
      .join('\n');
    throw new Error(`${file}: the JOL configuration is not valid:\n${problems}`);
  }
  return parsed.data;
}
