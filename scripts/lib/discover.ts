/**
 * Finds every record file of a content root and says which collection and id it has.
 * Anything else in the root (stray files, unknown folders, wrong extensions, wrong nesting)
 * is reported at each file it holds; names starting with "." are ignored. Symbolic links are
 * followed only inside the root, and only regular files are records (see `walk`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectionNames, layouts, type CollectionName } from '../../schemas/layout.ts';
import type { Diagnostic } from './diagnostic.ts';
import { UsageError } from './errors.ts';
import { fileKind } from './read-text.ts';

export interface RecordFile {
  /** Absolute path. */
  abs: string;
  /** The file's bytes when it is not on disk yet (a record about to be written, checked in place). */
  bytes?: Uint8Array;
  /** Path for messages. */
  file: string;
  collection: CollectionName;
  id: string;
}

export interface Discovery {
  files: RecordFile[];
  problems: Diagnostic[];
}

const byFolder = new Map(collectionNames.map((name) => [layouts[name].folder, layouts[name]]));

/** A path under the root that is not a record file to read, and why. */
interface Refused {
  rel: string;
  rule: 'file/symlink' | 'file/not-regular';
  message: string;
}

/**
 * Collects the regular files below `dir` as paths relative to the root (parts joined with "/").
 * Symbolic links are followed only while they stay inside the root (`realRoot`, each folder
 * entered once, so that a link to a parent folder cannot loop); a link out of the root, to
 * nothing or round in a loop, and anything that is not a regular file (a FIFO, a socket, a
 * device: reading one would block or never end), is refused at its path instead of read.
 */
function walk(
  dir: string,
  rel: string,
  out: string[],
  refused: Refused[],
  realRoot: string,
  seen: Set<string>,
): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const abs = `${dir}${path.sep}${entry.name}`;
    let kind: fs.Stats | fs.Dirent = entry;
    if (entry.isSymbolicLink()) {
      let real: string;
      try {
        real = fs.realpathSync(abs);
        kind = fs.statSync(real);
      } catch (error) {
        const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
        refused.push({
          rel: child,
          rule: 'file/symlink',
          message: loop
            ? 'Symbolic link that leads round in a loop; expected a record file'
            : `Symbolic link to "${fs.readlinkSync(abs)}", which does not exist; expected a record file`,
        });
        continue;
      }
      const inside = path.relative(realRoot, real);
      if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
        refused.push({
          rel: child,
          rule: 'file/symlink',
          message: `Symbolic link to "${real}", outside the content root; expected a record file inside it (links are not followed out of it)`,
        });
        continue;
      }
    }
    if (kind.isDirectory()) {
      const real = fs.realpathSync(abs);
      if (seen.has(real)) continue;
      seen.add(real);
      walk(abs, child, out, refused, realRoot, seen);
    } else if (kind.isFile()) out.push(child);
    else
      refused.push({
        rel: child,
        rule: 'file/not-regular',
        message: `Found ${fileKind(kind)}, not a regular file; expected a record file`,
      });
  }
}

/**
 * `unwritten` are absolute, normalised paths inside the root of records not on disk yet, with
 * their bytes: they are discovered as if they were there (the import checks its rows before
 * writing them).
 */
export function discover(
  root: string,
  cwd = process.cwd(),
  unwritten: ReadonlyMap<string, Uint8Array> = new Map(),
): Discovery {
  const files: RecordFile[] = [];
  const problems: Diagnostic[] = [];
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new UsageError(
      `Content folder not found: ${root} (set JOL_CONTENT_DIR or create ./content)`,
    );
  }
  const all: string[] = [];
  const refused: Refused[] = [];
  const realRoot = fs.realpathSync(root);
  walk(root, '', all, refused, realRoot, new Set([realRoot]));
  // An unwritten record at the path of a file on disk is checked in its place.
  const bytesOf = new Map<string, Uint8Array>();
  const onDisk = new Set(unwritten.size > 0 ? all : []);
  const inRoot = root + path.sep;
  for (const [abs, bytes] of unwritten) {
    if (!abs.startsWith(inRoot)) throw new UsageError(`${abs} is outside the content root ${root}`);
    const rel = abs.slice(inRoot.length).split(path.sep).join('/');
    if (!onDisk.has(rel) && !bytesOf.has(rel)) all.push(rel);
    bytesOf.set(rel, bytes);
  }
  all.sort();
  // Display paths share the root's prefix: work it out once, not once per file.
  const relRoot = path.relative(cwd, root);
  const outside = relRoot.startsWith('..') || path.isAbsolute(relRoot);
  const prefix = relRoot.split(path.sep).join('/');
  for (const { rel, rule, message } of refused)
    problems.push({
      file: outside ? path.join(root, rel) : prefix === '' ? rel : `${prefix}/${rel}`,
      line: 0,
      column: 0,
      severity: 'error',
      rule,
      message,
    });
  for (const rel of all) {
    const abs = path.join(root, rel);
    const found = classifyParts(rel.split('/'));
    const file = outside ? abs : prefix === '' ? rel : `${prefix}/${rel}`;
    if ('problem' in found)
      problems.push({
        file,
        line: 0,
        column: 0,
        severity: 'error',
        rule: 'file/placement',
        message: found.problem,
      });
    else {
      const record: RecordFile = { abs, file, collection: found.collection, id: found.id };
      const bytes = bytesOf.get(rel);
      if (bytes) record.bytes = bytes;
      files.push(record);
    }
  }
  return { files, problems };
}

/** Which collection and id a path under the root (its parts) belongs to, or why it belongs nowhere. */
function classifyParts(
  parts: string[],
): { collection: CollectionName; id: string } | { problem: string } {
  const expected = `expected records only in ${collectionNames.map((n) => `${layouts[n].folder}/`).join(', ')}`;
  if (parts.length === 1) return { problem: `Unexpected file in the content root; ${expected}` };
  const spec = byFolder.get(parts[0]!);
  if (!spec) return { problem: `Unexpected folder "${parts[0]}" in the content root; ${expected}` };
  const name = parts[parts.length - 1]!;
  const ext = path.extname(name);
  if (ext !== spec.extension) {
    return {
      problem: `Unexpected file type "${ext || name}" in ${spec.folder}/; expected ${spec.extension} files`,
    };
  }
  const base = name.slice(0, -ext.length);
  if (spec.name === 'assurance') {
    if (parts.length !== 3) {
      return {
        problem: `Unexpected place for an assurance return; expected ${spec.folder}/<action-note-id>/<organisation-id>.yaml`,
      };
    }
    return { collection: spec.name, id: `${parts[1]}/${base}` };
  }
  if (parts.length !== 2)
    return {
      problem: `Unexpected sub-folder in ${spec.folder}/; expected ${spec.folder}/<id>${spec.extension}`,
    };
  return { collection: spec.name, id: base };
}
