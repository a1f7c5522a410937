import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { countMessage, createProgress, wantsProgress } from './progress.ts';

/** A real stream that says it is a terminal, and keeps what is written to it. */
function terminal(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 80, rows: 24 });
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => chunks.join('') };
}

describe('wantsProgress', () => {
  it('only in a terminal, outside CI, and not on a dumb terminal', () => {
    expect(wantsProgress({ isTTY: true }, {})).toBe(true);
    expect(wantsProgress({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(wantsProgress({ isTTY: true }, { CI: '1' })).toBe(false);
    expect(wantsProgress({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(wantsProgress({ isTTY: false }, {})).toBe(false);
    expect(wantsProgress({}, {})).toBe(false);
  });
});

describe('countMessage', () => {
  it('groups thousands', () => {
    expect(countMessage('Checked', 4000, 11554, 'files')).toBe('Checked 4,000 of 11,554 files');
  });
});

describe('createProgress', () => {
  it('writes the count in place on a terminal, the last count always, and clears the line', async () => {
    const t = terminal(true);
    const progress = createProgress({ stream: t.stream, env: {} });
    expect(progress.enabled).toBe(true);
    progress.say('Checking 3 files…');
    for (let done = 1; done <= 3; done++) progress.count('Checked', done, 3, 'files');
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    const out = t.written();
    expect(out).toContain('Checking 3 files…');
    expect(out).toContain('Checked 3 of 3 files');
    // Erased (line up, erase line) before the next message and when stopped.
    expect(out.split('\u001b[1A\u001b[2K').length).toBeGreaterThanOrEqual(3);
  });

  it('writes nothing when stderr is not a terminal, or in CI', async () => {
    for (const [isTTY, env] of [
      [false, {}],
      [true, { CI: 'true' }],
    ] as const) {
      const t = terminal(isTTY);
      const progress = createProgress({ stream: t.stream, env });
      expect(progress.enabled).toBe(false);
      progress.say('Checking…');
      progress.count('Checked', 1, 1, 'files');
      progress.stop();
      await new Promise((resolve) => setImmediate(resolve));
      expect(t.written()).toBe('');
    }
  });
});
