/**
 * The commands of the `jol` command line (scripts/jol.ts): each runs one of the project's
 * scripts, the same ones the npm scripts run, with the arguments that follow its name.
 */
export interface Command {
  /** The script under scripts/ that the command runs. */
  script: string;
  /** Arguments, as in the command's own help. */
  usage: string;
  /** One line for `jol --help`. */
  summary: string;
  group: 'content' | 'maintain';
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: {
    script: 'validate.ts',
    usage: '[paths…] [--format text|github|json]',
    summary: 'check the content (or only these files) against the content model',
    group: 'content',
  },
  new: {
    script: 'new.ts',
    usage: '<kind> [flags] [--yes]',
    summary:
      'write a new, checked record: lesson, notable-practice, action-note, event, organisation, assurance-return',
    group: 'content',
  },
  import: {
    script: 'import.ts',
    usage: '<file.csv> [--check]',
    summary: 'bring in lessons exported from another system (--check: report, write nothing)',
    group: 'content',
  },
  init: {
    script: 'init.ts',
    usage: '--name <name> --repository <owner/name> [--organisations <file.csv>] [--force]',
    summary:
      'start a real library from the sample: remove the sample records, set the name and repository',
    group: 'content',
  },
  schemas: {
    script: 'generate-json-schema.ts',
    usage: '[--check]',
    summary: 'write the JSON Schemas for editors to schemas/json/',
    group: 'maintain',
  },
  forms: {
    script: 'generate-forms.ts',
    usage: '[--check]',
    summary: 'write the GitHub issue forms from the schemas and organisations',
    group: 'maintain',
  },
  codeowners: {
    script: 'generate-codeowners.ts',
    usage: '[--check]',
    summary: "write .github/CODEOWNERS from the organisations' SPOCs",
    group: 'maintain',
  },
  'lint-workflows': {
    script: 'lint-workflows.ts',
    usage: '',
    summary: 'lint .github/workflows (actionlint and the security rules)',
    group: 'maintain',
  },
  notify: {
    script: 'notify.ts',
    usage: '--since <commit> [--dry-run]',
    summary: 'email a summary of newly published lessons over SMTP',
    group: 'maintain',
  },
  bench: {
    script: 'bench.ts',
    usage: '--lessons N [--runs R] [--no-search]',
    summary: 'measure validation, build and search on a generated corpus',
    group: 'maintain',
  },
  'bench-validate': {
    script: 'bench-validate.ts',
    usage: '[--lessons N] [--runs R]',
    summary: 'measure the validator on a generated corpus against its budgets',
    group: 'maintain',
  },
};

export function helpText(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const section = (group: Command['group']) =>
    names
      .filter((n) => COMMANDS[n]!.group === group)
      .map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`)
      .join('\n');
  return `Usage: jol <command> [arguments]

JOL Library's command line (npx jol …, or npm run <command> -- …). Every command reads the
content root in JOL_CONTENT_DIR (default ./content).

Content:
${section('content')}

Maintain:
${section('maintain')}

Run "jol <command> --help" for a command's arguments, e.g. jol new lesson --help.
Options: -h, --help  this help;  -v, --version  versions of JOL Library and Node.
`;
}
