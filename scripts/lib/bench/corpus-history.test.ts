import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitHistory } from '../../../src/lib/published.ts';
import { generateCorpus } from '../corpus/generate.ts';
import { type CorpusHistory, commitCorpusHistory } from './corpus-history.ts';

let work: string;
let made: CorpusHistory;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-corpus-history-'));
  generateCorpus(path.join(work, 'content'), { lessons: 200 });
  made = commitCorpusHistory(work, path.join(work, 'content'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('commitCorpusHistory', () => {
  it('commits every file, its last version being the file on disk', () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: work, encoding: 'utf8' });
    expect(git('status', '--porcelain')).toBe('');
    expect(Number(git('rev-list', '--count', 'HEAD'))).toBe(made.commits);
    expect(made.commits).toBeGreaterThan(5);
  });

  it('gives lessons their month and returns an earlier version, dated in order', () => {
    const h = readGitHistory(path.join(work, 'content'));
    expect(h.unavailable).toBeUndefined();
    expect(h.lessons.size).toBe(200);
    for (const [id, versions] of h.lessons) {
      expect(versions).toHaveLength(1);
      expect(versions[0]!.recorded >= id.slice(0, 7), id).toBe(true);
    }
    expect(h.returns.size).toBeGreaterThan(0);
    const counts = [...h.returns.values()].map((v) => v.length);
    // Every file once, and each return's earlier version.
    const files = execFileSync('git', ['ls-files', 'content'], { cwd: work, encoding: 'utf8' })
      .trim()
      .split('\n').length;
    expect(made.versions).toBe(files + counts.filter((n) => n === 2).length);
    expect(Math.max(...counts)).toBe(2);
    for (const versions of h.returns.values())
      expect(versions.map((v) => v.recorded)).toEqual(versions.map((v) => v.recorded).sort());
  });
});
