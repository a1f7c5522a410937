/**
 * Progress of a long command ("Checked 4,000 of 11,554 files"), written to stderr and updated
 * in place — only when stderr is a terminal and CI is not set; otherwise nothing at all, so
 * logs, pipes and `--format json` never carry it. log-update does the in-place rewriting
 * (including lines wider than the terminal); the line is cleared before the command's own
 * output is printed. log-update (with string-width and its other dependencies: about 50 ms to
 * load) is loaded only when progress is shown, so that a run in a pipe or in CI never loads it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface ProgressOptions {
  /** Where progress goes (default process.stderr). */
  stream?: NodeJS.WriteStream;
  /** Environment read for CI and TERM (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Forces progress on or off, overriding the terminal check. */
  enabled?: boolean;
}

export interface Progress {
  /** Whether anything is written. */
  readonly enabled: boolean;
  /** Shows a message in place of the previous one. */
  say(message: string): void;
  /** Shows "<verb> <done> of <total> <noun>" (at most every 80 ms, and always the last). */
  count(verb: string, done: number, total: number, noun: string): void;
  /** Clears the line, so that the command's output starts on a clean line. */
  stop(): void;
}

const THROTTLE_MS = 80;
const number = new Intl.NumberFormat('en-GB');

/** Whether progress belongs on this stream: a terminal (not "dumb"), and not in CI. */
export function wantsProgress(
  stream: { isTTY?: boolean } = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
}

/** "Checked 4,000 of 11,554 files". */
export function countMessage(verb: string, done: number, total: number, noun: string): string {
  return `${verb} ${number.format(done)} of ${number.format(total)} ${noun}`;
}

const silent: Progress = { enabled: false, say() {}, count() {}, stop() {} };

export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const enabled = options.enabled ?? wantsProgress(stream, options.env ?? process.env);
  if (!enabled) return silent;
  // A terminal that reports no size (a pseudo-terminal started without one) still gets its line:
  // log-update writes nothing for zero rows.
  const sized = {
    isTTY: true,
    get columns() {
      return stream.columns || 80;
    },
    get rows() {
      return stream.rows || 24;
    },
    write: (text: string) => stream.write(text),
  } as unknown as NodeJS.WriteStream;
  const { createLogUpdate } = require('log-update') as typeof import('log-update');
  const log = createLogUpdate(sized, { showCursor: true });
  let shown = false;
  let last = 0;
  return {
    enabled,
    say(message) {
      log(message);
      shown = true;
      last = performance.now();
    },
    count(verb, done, total, noun) {
      const now = performance.now();
      if (done < total && shown && now - last < THROTTLE_MS) return;
      this.say(countMessage(verb, done, total, noun));
    },
    stop() {
      if (shown) log.clear();
      shown = false;
    },
  };
}
