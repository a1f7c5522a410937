import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../../tests/helpers/git.ts';
import { publishedDate, readGitHistory, repositoryPath } from './published.ts';

let dir: string;

function write(rel: string, text = 'x\n'): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-published-'));
  git(dir, ['init', '-q', '-b', 'main']);
  write('content/lessons/a.md', 'a\n');
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', 'a'], '2024-01-10');
  write('content/lessons/a.md', 'a changed\n');
  write('content/lessons/old-name.md', 'b\n');
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', 'b'], '2024-02-20');
  git(dir, ['mv', 'content/lessons/old-name.md', 'content/lessons/b.md']);
  git(dir, ['commit', '-q', '-m', 'rename'], '2024-03-30');
  // A file added on a branch and merged later dates from the merge into main.
  git(dir, ['checkout', '-q', '-b', 'feature']);
  write('content/lessons/c.md', 'c\n');
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', 'c'], '2024-04-01');
  git(dir, ['checkout', '-q', 'main']);
  git(dir, ['merge', '-q', '--no-ff', '-m', 'merge c', 'feature'], '2024-05-15');
  write('content/lessons/uncommitted.md');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readGitHistory', () => {
  it('dates each file from when it first reached the branch', () => {
    const root = path.join(dir, 'content');
    const history = readGitHistory(root);
    expect(history.unavailable).toBeUndefined();
    const abs = (name: string) => path.join(fs.realpathSync(dir), 'content/lessons', name);
    expect(history.firstAdded.get(abs('a.md'))).toBe('2024-01-10');
    expect(history.firstAdded.get(abs('b.md'))).toBe('2024-02-20');
    expect(history.firstAdded.get(abs('c.md'))).toBe('2024-05-15');
    expect(history.firstAdded.has(abs('uncommitted.md'))).toBe(false);
    expect(history.lastChanged.get(abs('a.md'))).toBe('2024-02-20');
    expect(history.lastChanged.get(abs('b.md'))).toBe('2024-03-30');
    expect(history.lastChanged.get(abs('c.md'))).toBe('2024-05-15');
  });

  it('prefers the frontmatter, then Git, then submitted', () => {
    const root = path.join(dir, 'content');
    const history = readGitHistory(root);
    const real = fs.realpathSync(dir);
    expect(
      publishedDate(
        { published: '2023-01-01', submitted: '2022-01-01' },
        path.join(real, 'content/lessons/a.md'),
        history,
      ),
    ).toEqual({ date: '2023-01-01', source: 'frontmatter' });
    expect(
      publishedDate({ submitted: '2022-01-01' }, path.join(real, 'content/lessons/a.md'), history),
    ).toEqual({ date: '2024-01-10', source: 'git' });
    expect(
      publishedDate(
        { submitted: '2022-01-01' },
        path.join(real, 'content/lessons/uncommitted.md'),
        history,
      ),
    ).toEqual({ date: '2022-01-01', source: 'submitted' });
    expect(repositoryPath(path.join(real, 'content/lessons/a.md'), root, history)).toBe(
      'content/lessons/a.md',
    );
  });

  it('falls back outside Git and in a shallow clone', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-nogit-'));
    try {
      const none = readGitHistory(outside);
      expect(none.unavailable).toMatch(/not inside a Git repository/);
      expect(repositoryPath(path.join(outside, 'lessons/x.md'), outside, none)).toBe(
        'content/lessons/x.md',
      );
      const shallow = path.join(outside, 'shallow');
      git(outside, ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
      const history = readGitHistory(path.join(shallow, 'content'));
      expect(history.unavailable).toMatch(/shallow clone/);
      expect(history.firstAdded.size).toBe(0);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
