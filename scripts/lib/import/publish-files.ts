/**
 * Puts new record files into the content root all together or not at all.
 *
 * 1. Stage: a folder `.jol-import-<pid>-*` beside the content root (outside it, on the same
 *    filesystem) gets a journal (`journal.json`: the root, the files, the folders to create)
 *    and every file, under `files/`. The content root is not touched.
 * 2. Link: each staged file is hard-linked at its place in the content root. A link never
 *    replaces a file (a file that appeared there since the check stops the import), and the
 *    staged copy stays, so until the end of this step every new file in the root is known by
 *    its inode.
 * 3. Commit: an empty `committed` file is created in the staging folder: from here the import
 *    has happened.
 * 4. Clean up: the staging folder is removed (the files in the root keep their data).
 *
 * Interrupted in-process (an abort signal: Ctrl-C) before step 3, the links made so far and
 * the folders made for them are removed: the content root is exactly as it was. A process that
 * dies (SIGKILL, a crash, the machine) leaves its staging folder, and `recoverImports` — run
 * at the start of every import — finishes it: a committed import is kept (its staging folder
 * removed), any other is undone (each file in the root that is the same inode as a staged
 * copy is removed). Until then, a killed import in step 2 leaves part of its files in the
 * root. The files are not flushed to disk one by one (fsync), so a power cut may lose what the
 * operating system had not yet written; Git holds the content root's history.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';

export interface NewFile {
  /** Absolute path inside the content root. */
  file: string;
  text: string;
}

interface Journal {
  root: string;
  pid: number;
  /** Paths relative to the root, with "/". */
  files: string[];
  /** Folders (relative) that did not exist when the import was staged. */
  folders: string[];
}

export class PublishConflictError extends Error {
  readonly file: string;
  constructor(file: string) {
    super(`${file} appeared while the import was running; nothing was written`);
    this.file = file;
  }
}

export class PublishInterruptedError extends Error {
  constructor() {
    super('Interrupted: nothing was written');
  }
}

const PREFIX = '.jol-import-';
const CHUNK = 500;

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The staging folder's parent: beside the root, on the same filesystem. */
function stagingParent(root: string): string {
  const parent = path.dirname(root);
  if (fs.statSync(parent).dev !== fs.statSync(root).dev)
    throw new Error(
      `${root} is on another filesystem than ${parent}; the import stages its files beside the content root to move them in at once`,
    );
  return parent;
}

/**
 * Finishes or undoes imports into `root` whose process died: returns what was done, one line
 * per staging folder.
 */
export function recoverImports(root: string): string[] {
  const parent = path.dirname(root);
  const done: string[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync(parent).filter((e) => e.startsWith(PREFIX));
  } catch {
    return done;
  }
  for (const entry of entries) {
    const dir = path.join(parent, entry);
    const pid = Number(/^\.jol-import-(\d+)-/.exec(entry)?.[1]);
    if (!Number.isInteger(pid) || isAlive(pid)) continue;
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(fs.readFileSync(path.join(dir, 'journal.json'), 'utf8')) as Journal;
    } catch {
      // Killed before its journal was written: nothing of it reached any root.
    }
    if (journal && path.resolve(journal.root) !== path.resolve(root)) continue;
    if (journal && fs.existsSync(path.join(dir, 'committed'))) {
      done.push(`Completed an interrupted import of ${journal.files.length} files`);
    } else if (journal) {
      const removed = undo(root, dir, journal.files, journal.folders);
      done.push(
        `Undid an interrupted import (${removed} of its ${journal.files.length} files had been linked)`,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return done;
}

/** Removes the root's files that are the staged copies themselves, and the folders made for them. */
function undo(
  root: string,
  dir: string,
  files: readonly string[],
  folders: readonly string[],
): number {
  let removed = 0;
  for (const rel of files) {
    const target = path.join(root, rel);
    try {
      const a = fs.statSync(path.join(dir, 'files', rel));
      const b = fs.statSync(target);
      if (a.ino === b.ino && a.dev === b.dev) {
        fs.unlinkSync(target);
        removed++;
      }
    } catch {
      // Not staged or not linked: nothing of it in the root.
    }
  }
  for (const rel of [...folders].reverse()) {
    try {
      fs.rmdirSync(path.join(root, rel));
    } catch {
      // Not created, or not empty (someone else's file): left as it is.
    }
  }
  return removed;
}

/**
 * Writes the files into the root all together (see above). Throws PublishConflictError when one
 * of them exists by then, PublishInterruptedError when `signal` aborts before the commit; in
 * both cases, and on any other error, the root is left as it was.
 */
export async function publishFiles(
  root: string,
  files: readonly NewFile[],
  options: { signal?: AbortSignal; onLinked?: (done: number, total: number) => void } = {},
): Promise<void> {
  const parent = stagingParent(root);
  const dir = fs.mkdtempSync(path.join(parent, `${PREFIX}${process.pid}-`));
  const rels = files.map((f) => path.relative(root, f.file).split(path.sep).join('/'));
  const folders = [...new Set(rels.map((r) => path.posix.dirname(r)))]
    .flatMap((r) => r.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/')))
    .filter((r, i, all) => all.indexOf(r) === i && !fs.existsSync(path.join(root, r)))
    .sort();
  const journal: Journal = { root: path.resolve(root), pid: process.pid, files: rels, folders };
  let linked = 0;
  let committed = false;
  try {
    fs.writeFileSync(path.join(dir, 'journal.json'), JSON.stringify(journal));
    const staged = path.join(dir, 'files');
    for (const [i, f] of files.entries()) {
      const to = path.join(staged, rels[i]!);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.writeFileSync(to, f.text, { flag: 'wx' });
      if (i % CHUNK === CHUNK - 1) await tick();
      if (options.signal?.aborted) throw new PublishInterruptedError();
    }
    for (const rel of folders) fs.mkdirSync(path.join(root, rel));
    for (const [i, rel] of rels.entries()) {
      try {
        fs.linkSync(path.join(staged, rel), path.join(root, rel));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new PublishConflictError(path.join(root, rel));
        throw error;
      }
      linked++;
      if (i % CHUNK === CHUNK - 1) {
        options.onLinked?.(linked, rels.length);
        await tick();
      }
      if (options.signal?.aborted) throw new PublishInterruptedError();
    }
    options.onLinked?.(linked, rels.length);
    fs.closeSync(fs.openSync(path.join(dir, 'committed'), 'wx'));
    committed = true;
  } finally {
    if (!committed) undo(root, dir, rels.slice(0, linked), folders);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
