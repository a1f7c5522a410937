/**
 * Content-hash cache of per-file results (like ESLint's --cache with the content strategy).
 * An entry is reused when the file's bytes hash to the same value and the validator's own
 * fingerprint (its source, the lock file, "today") is unchanged.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileResult } from './check-file.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

function listSources(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) listSources(abs, out);
    else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) out.push(abs);
  }
}

/** The code that a per-file result depends on: the schemas and the file checks with their helpers. */
const PER_FILE_SOURCES = ['schemas', 'scripts/lib/checks', 'scripts/lib/remark'];
const PER_FILE_MODULES = [
  'body-links',
  'record-links',
  'check-file',
  'parse-record',
  'read-text',
  'personal-data',
  'possible-names',
  'similarity',
  'diagnostic',
  'discover',
  'render-html',
].map((m) => `scripts/lib/${m}.ts`);

/**
 * The shape of a cached FileResult. Bump it when the shape changes (2: summaries carry the
 * body's links), so that no entry of another shape is ever read, whatever the sources hash to.
 */
const RESULT_SHAPE = 2;

/** Hash of everything that can change a per-file result (and nothing else, so unrelated edits keep the cache). */
export function validatorFingerprint(today: string): string {
  const files: string[] = PER_FILE_MODULES.map((m) => path.join(PROJECT, m));
  for (const dir of PER_FILE_SOURCES) listSources(path.join(PROJECT, dir), files);
  const lock = path.join(PROJECT, 'package-lock.json');
  if (fs.existsSync(lock)) files.push(lock);
  const hash = createHash('sha1')
    .update(`shape ${RESULT_SHAPE}\0`)
    .update(today)
    .update(process.version);
  for (const f of files.sort()) hash.update(f).update(fs.readFileSync(f));
  return hash.digest('base64url');
}

interface CacheFile {
  fingerprint: string;
  entries: Record<string, { hash: string; stamp: string; result: FileResult }>;
}

export class ValidationCache {
  private entries: CacheFile['entries'] = {};
  private dirty = false;
  readonly file: string;
  private readonly fingerprint: string;

  constructor(root: string, fingerprint: string, env: NodeJS.ProcessEnv = process.env) {
    this.fingerprint = fingerprint;
    const dir = env.JOL_CACHE_DIR
      ? path.resolve(env.JOL_CACHE_DIR)
      : path.join(PROJECT, 'node_modules', '.cache', 'jol-library');
    const key = createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 12);
    this.file = path.join(dir, `validate-${key}.json`);
    try {
      const loaded = JSON.parse(fs.readFileSync(this.file, 'utf8')) as CacheFile;
      if (loaded.fingerprint === fingerprint) this.entries = loaded.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  /** Whether the cache holds any result for this file (if not, there is nothing to hash for). */
  has(file: string): boolean {
    return this.entries[file] !== undefined;
  }

  /** The entry when the file's size and modification time are unchanged (no read needed). */
  getByStamp(file: string, stamp: string): FileResult | undefined {
    const entry = this.entries[file];
    return entry && entry.stamp === stamp ? entry.result : undefined;
  }

  /** The entry when the file's content hash is unchanged. */
  get(file: string, hash: string): FileResult | undefined {
    const entry = this.entries[file];
    return entry && entry.hash === hash ? entry.result : undefined;
  }

  set(file: string, hash: string, stamp: string, result: FileResult): void {
    this.entries[file] = { hash, stamp, result };
    this.dirty = true;
  }

  /** Drops entries of files that no longer exist, then writes the cache if anything changed. */
  save(present: ReadonlySet<string>): void {
    for (const file of Object.keys(this.entries)) {
      if (!present.has(file)) {
        delete this.entries[file];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(
      tmp,
      JSON.stringify({ fingerprint: this.fingerprint, entries: this.entries } satisfies CacheFile),
    );
    fs.renameSync(tmp, this.file);
  }
}
