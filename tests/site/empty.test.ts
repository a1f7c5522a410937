/**
 * A library with nothing in it yet (a new deployment): the site builds and every listing says
 * so in words instead of showing an empty table or chart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, page } from './build-site.ts';

const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jol-empty-'));
let site: BuiltSite;

beforeAll(() => {
  site = buildSite({ contentDir, today: '2026-11-23' });
  if (!site.ok) throw new Error(`build failed:\n${site.log.slice(-3000)}`);
}, 300_000);
afterAll(() => {
  site?.cleanup();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

describe('an empty library', () => {
  it('says there is nothing to chart on the trends page, with no chart', () => {
    const html = site.read(page('trends/'));
    expect(html).toContain('There is nothing to chart yet');
    expect(html).not.toContain('<svg');
  });

  it('says there are no lessons and no digests yet', () => {
    expect(site.read(page('lessons/'))).toContain('No lessons have been published yet.');
    expect(site.read(page('digests/'))).toContain('No digests yet');
  });
});
