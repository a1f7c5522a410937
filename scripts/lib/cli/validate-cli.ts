/**
 * The validator CLI: `npm run validate -- [paths…] [--format text|github|json]`.
 * Exit 0 when there is no error (warnings allowed), 1 when content has errors, 2 on a usage
 * or internal error. Honours JOL_CONTENT_DIR and JOL_TODAY.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { reportResourcesAtExit } from '../bench/measure.ts';
import { contentRoot } from '../content-root.ts';
import { formatAnnotations, formatMarkdownSummary } from '../report/github.ts';
import { formatJson } from '../report/json.ts';
import { counts } from '../report/summary.ts';
import { createProgress } from '../progress.ts';
import { formatText } from '../report/text.ts';
import { today } from '../../../schemas/today.ts';
import { UsageError, validateContent } from '../validate-content.ts';

const HELP = `Usage: npm run validate -- [paths…] [options]

Checks the JOL content (JOL_CONTENT_DIR, default ./content) against the content model.
With paths (files or folders), only those are linted; references still resolve against
the whole content root (the mode for pull requests).

Options:
  --format text|github|json   output format (default text)
  --summary FILE              also write a Markdown summary to FILE
  --no-cache                  ignore and do not write the validation cache
  -h, --help                  show this help

Exit codes: 0 no errors, 1 content errors, 2 usage or internal error.
`;

async function main(): Promise<number> {
  reportResourcesAtExit();
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        summary: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = args.values.format;
  if (!['text', 'github', 'json'].includes(format)) {
    process.stderr.write(`Unknown format "${format}", expected one of text, github, json\n`);
    return 2;
  }
  try {
    today();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Progress on stderr, in place, only in a terminal outside CI (never in pipes or logs).
  const progress = createProgress();
  const started = performance.now();
  let result;
  try {
    result = await validateContent({
      root: contentRoot(),
      paths: args.positionals,
      cache: !args.values['no-cache'],
      onProgress: (m) => progress.say(m),
      onChecked: (done, total) => progress.count('Checked', done, total, 'files'),
    });
  } finally {
    progress.stop();
  }
  const { diagnostics, checked } = result;
  if (format === 'json') process.stdout.write(formatJson(diagnostics));
  else if (format === 'github') {
    const annotations = formatAnnotations(diagnostics);
    if (annotations) process.stdout.write(`${annotations}\n`);
    const summary = formatMarkdownSummary(diagnostics, checked);
    if (process.env.GITHUB_STEP_SUMMARY)
      fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary);
    else process.stdout.write(summary);
  } else {
    process.stdout.write(formatText(diagnostics, checked));
    if (progress.enabled)
      process.stderr.write(`(${((performance.now() - started) / 1000).toFixed(2)} s)\n`);
  }
  if (args.values.summary)
    fs.writeFileSync(args.values.summary, formatMarkdownSummary(diagnostics, checked));
  return counts(diagnostics).errors > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`Internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
