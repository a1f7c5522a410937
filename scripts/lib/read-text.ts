/**
 * Reads a record file as text and refuses what is not a record: too large, binary, empty or
 * not valid UTF-8 (reported at the line and column of the first invalid byte).
 */
import fs from 'node:fs';
import type { RuleId } from '../../schemas/rule-ids.ts';

export const MAX_FILE_BYTES = 1024 * 1024;

export type TextResult =
  { text: string } | { problem: { line: number; column: number; rule: RuleId; message: string } };

export type BytesResult =
  | { bytes: Uint8Array }
  | { problem: { line: number; column: number; rule: RuleId; message: string } };

/**
 * Reads a record file's bytes, only if it is a regular file: a FIFO or a device (swapped in
 * after discovery) would block the read forever, so the file is opened without blocking and
 * refused unless fstat says it is a regular file. A file larger than MAX_FILE_BYTES is refused
 * without being read.
 */
export function readRecordBytes(abs: string): BytesResult {
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    return { problem: unreadable(abs, error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile())
      return {
        problem: {
          line: 0,
          column: 0,
          rule: 'file/not-regular',
          message: `Found ${fileKind(stat)}, not a regular file; expected a record file`,
        },
      };
    if (stat.size > MAX_FILE_BYTES) return { problem: tooLarge(stat.size) };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = fs.readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read) };
  } catch (error) {
    return { problem: unreadable(abs, error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** What a non-regular file is, for messages. */
export function fileKind(stat: fs.Stats | fs.Dirent): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'a special file';
}

function unreadable(
  abs: string,
  error: unknown,
): { line: number; column: number; rule: RuleId; message: string } {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const loop = code === 'ELOOP';
  return {
    line: 0,
    column: 0,
    rule: loop || code === 'ENOENT' ? 'file/symlink' : 'file/not-regular',
    message: loop
      ? 'Symbolic links that lead round in a loop; expected a record file'
      : code === 'ENOENT'
        ? 'The file went away, or is a symbolic link to nothing; expected a record file'
        : `The file could not be read (${code}); expected a readable record file`,
  };
}

function tooLarge(size: number): { line: number; column: number; rule: RuleId; message: string } {
  return {
    line: 0,
    column: 0,
    rule: 'file/too-large',
    message: `File is ${(size / 1024 / 1024).toFixed(1)} MB; expected at most ${MAX_FILE_BYTES / 1024 / 1024} MB for one record`,
  };
}

export function decodeRecord(bytes: Uint8Array): TextResult {
  if (bytes.length > MAX_FILE_BYTES) return { problem: tooLarge(bytes.length) };
  if (
    bytes.length === 0 ||
    bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)
  ) {
    return {
      problem: {
        line: 1,
        column: 1,
        rule: 'file/empty',
        message:
          'File is empty; expected a record (see CONTRIBUTING.md for a template, or run npm run new)',
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(bytes, nul);
    return {
      problem: {
        line,
        column,
        rule: 'file/binary',
        message: 'File contains a NUL byte: it looks binary; expected a UTF-8 text record',
      },
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const { line, column } = positionOfByte(bytes, bad);
    return {
      problem: {
        line,
        column,
        rule: 'file/encoding',
        message: `Invalid UTF-8 byte 0x${bytes[bad]!.toString(16).padStart(2, '0').toUpperCase()}; save the file as UTF-8`,
      },
    };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

/** Index of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Line and column (in characters of the valid prefix) of a byte offset. */
function positionOfByte(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(b.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}
