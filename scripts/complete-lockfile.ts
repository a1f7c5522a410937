/**
 * `npm run lockfile:complete`: adds to package-lock.json the platform-specific optional packages
 * (other operating systems' builds of Pagefind and the Astro compiler) that npm leaves out when
 * the registry it uses lacks those versions. `npm ci` refuses a lock file without them, even on
 * Linux where they are never installed. Each entry carries its os/cpu/libc, so npm skips it on
 * every other platform without fetching it. Run it after `npm install` changes the lock file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCK = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');

interface Entry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** os, cpu and libc of a platform package, from its name (the conventions of these packages). */
function platformOf(name: string): { os?: string[]; cpu: string[]; libc?: string[] } | undefined {
  const m =
    /[-/](android|darwin|linux|win32|windows|freebsd|wasm32)-?(arm64|x64|wasi)?(?:-(gnu|musl|msvc))?$/.exec(
      name,
    );
  if (!m) return undefined;
  const [, os, cpu, abi] = m;
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  return {
    os: [os === 'windows' ? 'win32' : os!],
    cpu: [cpu ?? 'x64'],
    ...(abi === 'gnu' ? { libc: ['glibc'] } : abi === 'musl' ? { libc: ['musl'] } : {}),
  };
}

const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8')) as { packages: Record<string, Entry> };
const added: string[] = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = `node_modules/${dep}`;
    if (lock.packages[where]) continue;
    const platform = platformOf(dep);
    if (!platform) {
      console.error(
        `${key}: optional dependency ${dep} is missing from the lock file and its platform is unknown; add it by hand`,
      );
      process.exitCode = 1;
      continue;
    }
    lock.packages[where] = { version, dev: true, optional: true, ...platform };
    added.push(`${dep}@${version}`);
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
fs.writeFileSync(LOCK, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(
  added.length
    ? `Added ${added.length} platform packages: ${added.join(', ')}`
    : 'package-lock.json already lists every optional platform package',
);
