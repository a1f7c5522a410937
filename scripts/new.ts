/**
 * `npm run new -- <kind> [flags]` — writes a new, valid record file. Kinds: lesson,
 * notable-practice, action-note, event, organisation, assurance-return. Asks for whatever the
 * flags do not give (choices from the vocabularies); `--yes` never asks (for scripts).
 * Exit 0 written, 1 the record has errors (nothing written; a draft is kept), 2 usage error.
 */
import { enableCompileCache } from 'node:module';
import { contentRoot, displayPath } from './lib/content-root.ts';
import { ask, type Prompter } from './lib/new/ask.ts';
import { flagsHelp, parseFlags } from './lib/new/flags.ts';
import { newRecord } from './lib/new/new-record.ts';
import { CandidateExistsError } from './lib/records/check-candidates.ts';
import { RecordIdError } from './lib/records/record-id.ts';
import { isRecordKind, RECORD_KINDS } from './lib/records/record-kinds.ts';
import { formatText } from './lib/report/text.ts';

enableCompileCache();

const USAGE = `Usage: npm run new -- <${RECORD_KINDS.join('|')}> [flags] [--yes]

Writes a new record into the content root (JOL_CONTENT_DIR, default ./content), checked by the
validator first. Without --yes it asks for everything the flags leave out.
Run "npm run new -- <kind> --help" for the flags of a kind.
`;

async function inquirer(): Promise<Prompter> {
  const p = await import('@inquirer/prompts');
  return {
    input: (q) =>
      p.input({
        message: q.message,
        required: q.required,
        default: q.default,
        validate: q.validate,
      }),
    select: (q) => p.select({ message: q.message, choices: q.choices, pageSize: 12 }),
    checkbox: (q) =>
      p.checkbox({ message: q.message, choices: q.choices, required: q.required, pageSize: 12 }),
    confirm: (q) => p.confirm({ message: q.message, default: q.default }),
  };
}

async function main(argv: string[]): Promise<number> {
  const [kind, ...rest] = argv;
  if (!kind || kind === '--help' || kind === '-h') {
    process.stdout.write(USAGE);
    return kind ? 0 : 2;
  }
  if (!isRecordKind(kind)) {
    process.stderr.write(
      `Unknown kind "${kind}", expected one of ${RECORD_KINDS.join(', ')}\n\n${USAGE}`,
    );
    return 2;
  }
  let flags;
  try {
    flags = parseFlags(kind, rest);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${flagsHelp(kind)}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${flagsHelp(kind)}\n`);
    return 0;
  }
  const interactive = !flags.yes && process.stdin.isTTY === true;
  const answers = interactive ? await ask(kind, flags.answers, await inquirer()) : flags.answers;
  const cwd = process.cwd();
  try {
    const result = await newRecord(kind, answers, contentRoot(), cwd);
    if (result.diagnostics.length) process.stdout.write(formatText(result.diagnostics, 1));
    if (result.written) {
      process.stdout.write(`✔ Wrote ${displayPath(result.file, cwd)}\n`);
      return 0;
    }
    process.stdout.write(
      `✖ Not written: fix the problems above. Your answers are saved in ${result.draft}\n`,
    );
    return 1;
  } catch (error) {
    if (error instanceof RecordIdError || error instanceof CandidateExistsError) {
      process.stderr.write(`✖ ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if ((error as Error)?.name === 'ExitPromptError') process.exitCode = 130;
    else {
      process.stderr.write(`Internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    }
  },
);
