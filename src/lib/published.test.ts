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

describe('readGitHistory: versions of returns and statuses', () => {
  let repo: string;
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  };
  const commit = (date: string) => {
    git(repo, ['add', '-A', '.']);
    git(repo, ['commit', '-q', '-m', date], date);
    return git(repo, ['rev-parse', 'HEAD']).slice(0, 12);
  };
  const ret = (updated: string, state: string) =>
    `updated: ${updated}\nreturns:\n  - recommendation: R1\n    state: ${state}\n`;
  const md = (status?: string) =>
    `---\ntitle: x\n${status ? `status: ${status}\n` : ''}---\n\nBody\n`;
  const shas: Record<string, string> = {};

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-history-'));
    git(repo, ['init', '-q', '-b', 'main']);
    put('content/assurance/2024-001/org-a.yaml', ret('2024-01-09', 'in-progress'));
    put('content/lessons/2024-01-01-a.md', md());
    put('content/action-notes/2024-001.md', md());
    shas.one = commit('2024-01-10');
    put('content/assurance/2024-001/org-a.yaml', ret('2024-03-01', 'implemented'));
    put('content/assurance/2024-001/old-name.yaml', ret('2024-03-01', 'not-started'));
    put('content/organisations/old-name.yaml', 'name: Old Name\n');
    put('content/lessons/2024-01-01-a.md', md('actioned'));
    shas.two = commit('2024-03-02');
    git(repo, [
      'mv',
      'content/assurance/2024-001/old-name.yaml',
      'content/assurance/2024-001/org-b.yaml',
    ]);
    // The organisation's id changed: its record moves in the same commit.
    git(repo, ['mv', 'content/organisations/old-name.yaml', 'content/organisations/org-b.yaml']);
    put('content/assurance/2024-001/broken.yaml', 'updated: [unclosed\n');
    put('content/lessons/2024-01-01-a.md', md('learned'));
    put('content/action-notes/2024-001.md', md('closed'));
    shas.three = commit('2024-06-15');
    git(repo, ['rm', '-q', 'content/assurance/2024-001/org-a.yaml']);
    shas.four = commit('2024-09-01');
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('reads every version of each return, following renames and ending removed ones', () => {
    const h = readGitHistory(path.join(repo, 'content'));
    expect(h.returns.get('2024-001/org-a')).toEqual([
      {
        recorded: '2024-01-10',
        commit: shas.one,
        updated: '2024-01-09',
        entries: [{ recommendation: 'R1', state: 'in-progress' }],
      },
      {
        recorded: '2024-03-02',
        commit: shas.two,
        updated: '2024-03-01',
        entries: [{ recommendation: 'R1', state: 'implemented' }],
      },
      { recorded: '2024-09-01', commit: shas.four, updated: null, entries: null },
    ]);
    // Renamed with its organisation: the history moves with the file, and moving it
    // unchanged is no new version.
    expect(h.returns.has('2024-001/old-name')).toBe(false);
    expect(h.returns.get('2024-001/org-b')?.map((v) => v.recorded)).toEqual(['2024-03-02']);
    // A version that cannot be read is left out.
    expect(h.returns.get('2024-001/broken')).toEqual([]);
  });

  it("reads each lesson's and note's status over time, with the schema's defaults", () => {
    const h = readGitHistory(path.join(repo, 'content'));
    expect(h.lessons.get('2024-01-01-a')?.map((v) => [v.recorded, v.status])).toEqual([
      ['2024-01-10', 'identified'],
      ['2024-03-02', 'actioned'],
      ['2024-06-15', 'learned'],
    ]);
    expect(h.notes.get('2024-001')?.map((v) => [v.recorded, v.status])).toEqual([
      ['2024-01-10', 'open'],
      ['2024-06-15', 'closed'],
    ]);
  });

  it('keeps the parsed history keyed by HEAD, and reads Git again after a new commit', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-history-cache-'));
    try {
      const root = path.join(repo, 'content');
      const first = readGitHistory(root, cache);
      const files = fs.readdirSync(cache);
      expect(files).toHaveLength(1);
      expect(files[0]).toContain(first.head!);
      expect(first.cached).toBeUndefined();
      expect(readGitHistory(root, cache)).toEqual({ ...first, cached: true });
      put('content/lessons/2024-01-01-a.md', md('superseded'));
      const sha = commit('2024-10-01');
      const next = readGitHistory(root, cache);
      expect(next.lessons.get('2024-01-01-a')?.at(-1)).toEqual({
        recorded: '2024-10-01',
        commit: sha,
        status: 'superseded',
      });
      // Only the newest commit's history is kept.
      expect(fs.readdirSync(cache)).toEqual([expect.stringContaining(next.head!)]);
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('says why when the content is not in a repository', () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-no-git-'));
    try {
      const h = readGitHistory(plain);
      expect(h.unavailable).toMatch(/not inside a Git repository/);
      expect(h.returns.size).toBe(0);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('readGitHistory: which renames of a return are followed', () => {
  let repo: string;
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  };
  const commit = (date: string) => {
    git(repo, ['add', '-A', '.']);
    git(repo, ['commit', '-q', '-m', date], date);
  };
  const mv = (from: string, to: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, 'content', to)), { recursive: true });
    git(repo, ['mv', `content/${from}`, `content/${to}`]);
  };
  const ret = (updated: string, state: string) =>
    `updated: ${updated}\nreturns:\n  - recommendation: R1\n    state: ${state}\n    evidence: Checked at the last multi-agency exercise of the forum.\n`;
  const states = (h: ReturnType<typeof readGitHistory>, key: string) =>
    h.returns.get(key)?.map((v) => [v.recorded, v.entries?.[0]?.state ?? null]);

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-history-renames-'));
    git(repo, ['init', '-q', '-b', 'main']);
    put('content/action-notes/2024-001.md', '---\ntitle: x\n---\n\nBody of the note.\n');
    put('content/assurance/2024-001/org-a.yaml', ret('2024-01-09', 'implemented'));
    put('content/assurance/2024-001/org-c.yaml', ret('2024-01-09', 'in-progress'));
    commit('2024-01-10');
    // One organisation's return removed and another's, nearly the same, added: Git pairs them
    // as a rename, but no organisation was renamed.
    git(repo, ['rm', '-q', 'content/assurance/2024-001/org-a.yaml']);
    put('content/assurance/2024-001/org-b.yaml', ret('2024-02-01', 'implemented'));
    commit('2024-02-02');
    // The note's id changed: its record and its returns' folder move together.
    mv('action-notes/2024-001.md', 'action-notes/2024-009.md');
    mv('assurance/2024-001/org-b.yaml', 'assurance/2024-009/org-b.yaml');
    mv('assurance/2024-001/org-c.yaml', 'assurance/2024-009/org-c.yaml');
    commit('2024-03-03');
    // A return moved out of the assurance folder: removed.
    mv('assurance/2024-009/org-c.yaml', 'archive/org-c.yaml');
    commit('2024-04-04');
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('makes a return moved to another organisation without its record a removal and an addition', () => {
    const log = git(repo, ['log', '-M', '--raw', '--format=', '-1', 'HEAD~2']);
    expect(log).toMatch(/ R\d+\tcontent\/assurance\/2024-001\/org-a\.yaml/);
    const h = readGitHistory(path.join(repo, 'content'));
    expect(states(h, '2024-001/org-a')).toEqual([
      ['2024-01-10', 'implemented'],
      ['2024-02-02', null],
    ]);
    expect(states(h, '2024-009/org-b')).toEqual([['2024-02-02', 'implemented']]);
  });

  it("follows a note's renamed folder, and ends a return moved out of the folder", () => {
    const h = readGitHistory(path.join(repo, 'content'));
    expect(h.returns.has('2024-001/org-b')).toBe(false);
    expect(h.notes.get('2024-009')?.map((v) => v.recorded)).toEqual(['2024-01-10']);
    expect(states(h, '2024-009/org-c')).toEqual([
      ['2024-01-10', 'in-progress'],
      ['2024-04-04', null],
    ]);
  });
});
