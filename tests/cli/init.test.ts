/**
 * `npm run init` end to end, as a real process on a copy of the repository's content and
 * jol.config.json: the sample records go, the organisations and settings stay, the library is
 * named and no longer the sample; the empty library then validates and builds, and reads well.
 * A second run is refused unless forced; an organisations CSV with a mistake changes nothing
 * and names each row and column; a good one replaces the organisations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, page } from '../site/build-site.ts';
import { cli, REPO } from './run-cli.ts';

let dir: string;
let contentDir: string;
let configFile: string;
let env: Record<string, string>;

const files = (sub: string) => {
  const d = path.join(contentDir, sub);
  return fs.existsSync(d) ? fs.readdirSync(d, { recursive: true }).map(String).sort() : [];
};
const readConfig = () => JSON.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-init-'));
  contentDir = path.join(dir, 'content');
  configFile = path.join(dir, 'jol.config.json');
  fs.cpSync(path.join(REPO, 'content'), contentDir, { recursive: true });
  fs.copyFileSync(path.join(REPO, 'jol.config.json'), configFile);
  env = { JOL_CONTENT_DIR: contentDir, JOL_CONFIG: configFile };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run init', () => {
  it('removes the sample records, keeps the organisations and settings, names the library', async () => {
    const organisations = files('organisations');
    const before = readConfig();
    expect(before.sample).toBe(true);
    expect(files('lessons').length).toBeGreaterThan(10);

    const run = await cli(
      'init.ts',
      ['--name', 'Northshire JOL', '--repository', 'northshire/jol-library'],
      dir,
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Started "Northshire JOL"');
    for (const sub of ['lessons', 'action-notes', 'assurance', 'events'])
      expect(files(sub), sub).toEqual([]);
    expect(files('organisations')).toEqual(organisations);
    expect(readConfig()).toEqual({
      ...before,
      name: 'Northshire JOL',
      sample: false,
      repository: 'northshire/jol-library',
    });
  });

  it('leaves a library that validates and builds, says what is empty and is no longer a sample', async () => {
    const validate = await cli('validate.ts', [], dir, env);
    expect(validate.stdout + validate.stderr).toMatch(/no problems/);
    expect(validate.code).toBe(0);

    const site = buildSite({ contentDir, today: '2026-11-23', env: { JOL_CONFIG: configFile } });
    try {
      if (!site.ok) throw new Error(`build failed:\n${site.log.slice(-3000)}`);
      const home = site.read(page(''));
      expect(home).toContain('<title>Home – Northshire JOL</title>');
      for (const f of site.files().filter((x) => x.endsWith('.html')))
        expect(site.read(f), f).not.toContain('Sample content');
      expect(site.read(page('lessons/'))).toContain('No lessons have been published yet.');
      expect(JSON.parse(site.read('data/lessons.json'))).toMatchObject({
        classification: 'OFFICIAL',
        records: [],
      });
      expect(site.exists(page('organisations/greater-manchester-police/'))).toBe(true);
    } finally {
      site.cleanup();
    }
  }, 300_000);

  it('refuses to run again on a library that is not the sample, unless forced', async () => {
    fs.writeFileSync(path.join(contentDir, 'events', 'kept.yaml'), 'name: x\n');
    const again = await cli('init.ts', ['--name', 'Other', '--repository', 'a/b'], dir, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('sample: false');
    expect(again.stderr).toContain('--force');
    expect(files('events')).toEqual(['kept.yaml']);
    expect(readConfig().name).toBe('Northshire JOL');
  });

  it('checks an organisations CSV row by row, changing nothing when a row is wrong', async () => {
    const organisations = files('organisations');
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      bad,
      [
        'id,name,sector,forum,spoc',
        'northshire-lrf,Northshire LRF,resilience-forum,,',
        'northshire-police,Northshire Police,polise,northshire-lrf,nsp-jol-spoc; not a handle!',
        'northshire-fire,Northshire Fire,fire-rescue,southshire-lrf,',
      ].join('\n'),
    );
    const run = await cli(
      'init.ts',
      ['--name', 'Other', '--repository', 'a/b', '--organisations', bad, '--force'],
      dir,
      env,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('row 3, column sector:');
    expect(run.stderr).toContain('row 3, column spoc:');
    expect(run.stderr).toMatch(/row 4, column forum: No organisation "southshire-lrf"/);
    expect(files('organisations')).toEqual(organisations);
    expect(files('events')).toEqual(['kept.yaml']);
    expect(readConfig().name).toBe('Northshire JOL');

    const unknown = path.join(dir, 'unknown.csv');
    fs.writeFileSync(unknown, 'id,name,sector,colour\nx-org,X Org,police,red\n');
    const header = await cli(
      'init.ts',
      ['--name', 'Other', '--repository', 'a/b', '--organisations', unknown, '--force'],
      dir,
      env,
    );
    expect(header.code).toBe(1);
    expect(header.stderr).toContain('row 1, column colour: Unknown column "colour"');
  });

  it('replaces the organisations with a valid CSV, when forced', async () => {
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(
      good,
      [
        'id,name,sector,category,nation,forum,spoc,mailbox',
        'northshire-lrf,Northshire LRF,resilience-forum,,england,,,',
        'northshire-police,Northshire Police,police,category-1,england,northshire-lrf,nsp-jol-spoc; northshire/jol-team,jol@northshire-police.example',
      ].join('\n'),
    );
    const run = await cli(
      'init.ts',
      [
        '--name',
        'Northshire JOL',
        '--repository',
        'northshire/jol',
        '--organisations',
        good,
        '--force',
      ],
      dir,
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(files('organisations')).toEqual(['northshire-lrf.yaml', 'northshire-police.yaml']);
    expect(files('events')).toEqual([]);
    expect(fs.readFileSync(path.join(contentDir, 'organisations/northshire-police.yaml'), 'utf8'))
      .toBe(`name: Northshire Police
sector: police
category: category-1
nation: england
forum: northshire-lrf
spoc:
  - nsp-jol-spoc
  - northshire/jol-team
mailbox: jol@northshire-police.example
`);
    const validate = await cli('validate.ts', [], dir, env);
    expect(validate.code).toBe(0);
  });
});
