#!/usr/bin/env node
/**
 * The `jol` bin (package.json "bin"). Plain JavaScript, so any Node can start it: on the
 * project's Node 24 it loads the TypeScript dispatcher (scripts/jol.ts) directly; on another
 * Node (the system's Node 20 first in PATH) it runs the dispatcher with the Node 24 that
 * `npm ci` installs (the `node` devDependency, node_modules/node/bin/node), passing on the
 * arguments, the terminal, signals and the exit code.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REQUIRED_MAJOR = 24;
const here = path.dirname(fs.realpathSync(fileURLToPath(import.meta.url)));
const dispatcher = path.join(here, 'jol.ts');
const projectNode = path.join(here, '..', 'node_modules', 'node', 'bin', 'node');

if (Number(process.versions.node.split('.')[0]) === REQUIRED_MAJOR) {
  await import(pathToFileURL(dispatcher).href);
} else if (!fs.existsSync(projectNode)) {
  process.stderr.write(
    `jol needs Node ${REQUIRED_MAJOR} (this is Node ${process.versions.node}), which the project ` +
      `installs: run "npm ci" in ${path.dirname(here)} first.\n`,
  );
  process.exitCode = 2;
} else {
  const child = spawn(projectNode, [dispatcher, ...process.argv.slice(2)], { stdio: 'inherit' });
  // Signals go on to the child; this process waits for it and ends as it did.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`jol: could not start ${projectNode}: ${error.message}\n`);
    process.exitCode = 2;
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 2;
  });
}
