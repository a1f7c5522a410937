/**
 * `jol <command> [arguments]` — the project's command line (`npx jol validate`, `npx jol new
 * lesson`, `npx jol import lessons.csv --check`, …): runs the named command's script in this
 * process with the arguments that follow, so it behaves exactly as its npm script. Started by
 * scripts/jol.mjs, which makes sure it runs on the project's Node 24.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMANDS, helpText } from './lib/cli/commands.ts';

const [name, ...rest] = process.argv.slice(2);

if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
  if (name === 'help' && rest[0] && Object.hasOwn(COMMANDS, rest[0])) {
    await run(rest[0], ['--help']);
  } else {
    (name === undefined ? process.stderr : process.stdout).write(helpText());
    process.exitCode = name === undefined ? 2 : 0;
  }
} else if (name === '-v' || name === '--version') {
  const pkg = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '../package.json'), 'utf8'),
  ) as { version: string };
  process.stdout.write(`jol ${pkg.version} (Node ${process.versions.node})\n`);
} else if (Object.hasOwn(COMMANDS, name)) {
  await run(name, rest);
} else {
  process.stderr.write(
    `Unknown command "${name}", expected one of ${Object.keys(COMMANDS).join(', ')}\n\n${helpText()}`,
  );
  process.exitCode = 2;
}

async function run(command: string, args: string[]): Promise<void> {
  const script = path.join(import.meta.dirname, COMMANDS[command]!.script);
  // The scripts read their arguments from process.argv, as when npm runs them.
  process.argv = [process.argv[0]!, script, ...args];
  await import(pathToFileURL(script).href);
}
