import { describe, expect, it } from 'vitest';
import {
  type BaseManifest,
  choosePlan,
  deltaLimit,
  documentHash,
  type IndexPlan,
  planIndex,
} from './search-index-plan.ts';

const records = (n: number, changed: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => ({
    url: `/lessons/l${i}/`,
    hash: documentHash(changed[i] ?? `<p>lesson ${i}</p>`),
  }));
const base = (n: number, settings = 'pagefind 1.6'): BaseManifest => {
  const list = records(n);
  return {
    settings,
    documents: Object.fromEntries(list.map((r) => [r.url, r.hash])),
    pages: Object.fromEntries(list.map((r, i) => [r.url, `en_${i}`])),
  };
};

describe('planIndex', () => {
  it('indexes everything when there is no earlier index, or Pagefind or its settings changed', () => {
    expect(planIndex(undefined, 'pagefind 1.6', records(5))).toEqual({
      kind: 'full',
      reason: 'no earlier index',
    });
    expect(planIndex(base(5, 'pagefind 1.5'), 'pagefind 1.6', records(5))).toMatchObject({
      kind: 'full',
      reason: 'Pagefind or its settings changed',
    });
  });

  it('uses the earlier index alone when every record is as it was', () => {
    expect(planIndex(base(50), 'pagefind 1.6', records(50))).toEqual({ kind: 'base' });
  });

  it('indexes only changed and new records, and hides the earlier pages of changed ones', () => {
    const now = [
      ...records(50, { 3: '<p>lesson 3, corrected</p>' }),
      { url: '/lessons/new/', hash: documentHash('<p>new</p>') },
    ];
    const plan = planIndex(base(50), 'pagefind 1.6', now);
    expect(plan).toMatchObject({
      kind: 'delta',
      changed: ['/lessons/l3/', '/lessons/new/'],
      superseded: ['en_3'],
    });
    // The delta's key changes with what it holds, and only then.
    const again = planIndex(base(50), 'pagefind 1.6', now);
    const other = planIndex(
      base(50),
      'pagefind 1.6',
      records(50, { 3: '<p>lesson 3, corrected twice</p>' }),
    );
    expect(plan.kind === 'delta' && again.kind === 'delta' && other.kind === 'delta').toBe(true);
    if (plan.kind === 'delta' && again.kind === 'delta' && other.kind === 'delta') {
      expect(again.key).toBe(plan.key);
      expect(other.key).not.toBe(plan.key);
    }
  });

  it('indexes everything again when a record left the edition, so none of its words stay in the index', () => {
    expect(planIndex(base(30), 'pagefind 1.6', records(29))).toEqual({
      kind: 'full',
      reason: '1 record left the edition',
    });
  });

  it('indexes everything again once more records changed than the limit allows', () => {
    const changed = Object.fromEntries(
      Array.from({ length: 21 }, (_, i) => [i, `<p>changed ${i}</p>`]),
    );
    expect(planIndex(base(100), 'pagefind 1.6', records(100, changed))).toMatchObject({
      kind: 'full',
      reason: '21 records changed since the last full index (more than 20)',
    });
    expect(planIndex(base(100), 'pagefind 1.6', records(100, changed), 21).kind).toBe('delta');
  });

  it('allows 1% of the records, at least 20', () => {
    expect(deltaLimit(150)).toBe(20);
    expect(deltaLimit(11_050)).toBe(111);
  });
});

describe('choosePlan', () => {
  const delta = (): IndexPlan => ({ kind: 'delta', changed: ['/a/'], superseded: ['p'], key: 'k' });
  it('the public edition always indexes every record', () => {
    expect(choosePlan({ edition: 'public', searchIndex: 'auto' }, delta).kind).toBe('full');
  });
  it('the responders edition follows the plan, unless a full index is asked for', () => {
    expect(choosePlan({ edition: 'responders', searchIndex: 'auto' }, delta).kind).toBe('delta');
    expect(choosePlan({ edition: 'responders', searchIndex: 'full' }, delta).kind).toBe('full');
  });
});
