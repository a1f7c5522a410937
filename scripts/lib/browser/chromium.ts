/**
 * The browser for the browser tests and the benchmark: the system Chromium (Debian package `chromium`), never a
 * downloaded build. JOL_CHROMIUM=/path/to/chrome picks another one.
 */
import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.JOL_CHROMIUM;
  if (chosen) {
    if (!fs.existsSync(chosen))
      throw new Error(`JOL_CHROMIUM is set to ${chosen}, but there is no file there.`);
    return chosen;
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked for ${CANDIDATES.join(', ')}).\n` +
        'Install it from the Debian packages: apt-get update && apt-get install -y chromium\n' +
        'or point JOL_CHROMIUM at a Chromium or Chrome executable. Browsers are never downloaded.',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}
