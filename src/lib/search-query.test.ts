import { describe, expect, it } from 'vitest';
import {
  byDate,
  comesFirst,
  isBlank,
  isChecked,
  parseQuery,
  queryString,
  resultsStatus,
  searchOptions,
  shownDate,
  typingPause,
  worthSearching,
} from './search-query.ts';

describe('the search query', () => {
  it('is read from the address: the words trimmed, the order, and every other name a filter in order', () => {
    const query = parseQuery(
      new URLSearchParams(
        'q=+radio+talkgroups+&sort=oldest&Type=Lesson+identified&Year=2024&Type=Event',
      ),
    );
    expect(query).toEqual({
      q: 'radio talkgroups',
      sort: 'oldest',
      filters: { Type: ['Lesson identified', 'Event'], Year: ['2024'] },
    });
  });

  it("is read from a form's data, leaving out values that are not text", () => {
    const data = new FormData();
    data.append('q', 'methane');
    data.append('sort', '');
    data.append('Principle', 'Co-locate');
    data.append('upload', new Blob(['x']), 'x.txt');
    expect(parseQuery(data.entries())).toEqual({
      q: 'methane',
      sort: '',
      filters: { Principle: ['Co-locate'] },
    });
  });

  it('takes the first q and sort when a name is given twice, as FormData.get and URLSearchParams.get do', () => {
    expect(parseQuery(new URLSearchParams('q=a&q=b&sort=newest&sort=oldest'))).toEqual({
      q: 'a',
      sort: 'newest',
      filters: {},
    });
  });

  it('is empty without words or filters', () => {
    expect(parseQuery(new URLSearchParams(''))).toEqual({ q: '', sort: '', filters: {} });
    expect(isBlank(parseQuery(new URLSearchParams('q=+++&sort=newest')))).toBe(true);
    expect(isBlank(parseQuery(new URLSearchParams('Year=2024')))).toBe(false);
    expect(isBlank(parseQuery(new URLSearchParams('q=x')))).toBe(false);
  });

  it('is written to the address and read back the same', () => {
    const query = {
      q: 'joint decision & log',
      sort: 'newest',
      filters: { Type: ['Lesson identified', 'Notable practice'], Sector: ['Fire and rescue'] },
    };
    const written = queryString(query);
    expect(written).toBe(
      'q=joint+decision+%26+log&sort=newest&Type=Lesson+identified&Type=Notable+practice&Sector=Fire+and+rescue',
    );
    expect(parseQuery(new URLSearchParams(written))).toEqual(query);
    expect(queryString({ q: '', sort: '', filters: {} })).toBe('');
    expect(queryString({ q: '', sort: '', filters: { Year: ['2023'] } })).toBe('Year=2023');
  });

  it('says which checkboxes are checked', () => {
    const query = parseQuery(new URLSearchParams('Type=Event&Year=2024'));
    expect(isChecked(query, 'Type', 'Event')).toBe(true);
    expect(isChecked(query, 'Type', 'Action note')).toBe(false);
    expect(isChecked(query, 'Sector', 'Police')).toBe(false);
  });
});

describe("Pagefind's options and the date order", () => {
  it('match any checked value of each filter, and never ask Pagefind to sort (the page orders by date)', () => {
    expect(searchOptions({ Type: ['Event', 'Action note'], Year: ['2024'] })).toEqual({
      filters: { Type: { any: ['Event', 'Action note'] }, Year: { any: ['2024'] } },
    });
    expect(searchOptions({})).toEqual({ filters: {} });
  });

  it('puts newer dates first unless the order is oldest, and neither of two equal dates first', () => {
    expect(comesFirst('newest', '2024-02-10', '2023-12-31')).toBe(true);
    expect(comesFirst('newest', '2023-12-31', '2024-02-10')).toBe(false);
    expect(comesFirst('oldest', '2023-12-31', '2024-02-10')).toBe(true);
    expect(comesFirst('oldest', '2024-02-10', '2024-02-10')).toBe(false);
    expect(comesFirst('newest', '2024-02-10', '2024-02-10')).toBe(false);
    // A result without a date ('') is older than any date.
    expect(comesFirst('newest', '2019-01-01', '')).toBe(true);
    const dates = ['2021-05-01', '2024-01-01', '', '2019-07-07'];
    expect([...dates].sort(byDate('newest'))).toEqual([
      '2024-01-01',
      '2021-05-01',
      '2019-07-07',
      '',
    ]);
    expect([...dates].sort(byDate('oldest'))).toEqual([
      '',
      '2019-07-07',
      '2021-05-01',
      '2024-01-01',
    ]);
  });
});

describe('words on the page', () => {
  it('shows index dates in words and anything else as it is', () => {
    expect(shownDate('2024-04-02')).toBe('2 April 2024');
    expect(shownDate('April 2024')).toBe('April 2024');
    expect(shownDate(undefined)).toBeUndefined();
  });

  it('counts the results for the words searched', () => {
    expect(resultsStatus(1, 'radio')).toBe('1 result for “radio”');
    expect(resultsStatus(12, '')).toBe('12 results');
    expect(resultsStatus(0, 'zzz')).toBe(
      'No results for “zzz”. Check the spelling, use fewer words or clear some filters.',
    );
  });
});

describe('searching as the reader types', () => {
  it('searches at a short pause only once the word being typed has three characters', () => {
    expect(worthSearching('b')).toBe(false);
    expect(worthSearching('co')).toBe(false);
    expect(worthSearching('con')).toBe(true);
    expect(worthSearching('rendezvous p')).toBe(false);
    expect(worthSearching('rendezvous poi')).toBe(true);
    expect(worthSearching('"rest centre')).toBe(true);
    expect(worthSearching('"re')).toBe(false);
    expect(worthSearching('éte')).toBe(true);
    expect(worthSearching('')).toBe(false);
  });

  it("waits for a pause in the reader's rhythm: longer than the gap between their keys, within bounds, and long for a short word", () => {
    // A key every 150 ms: no word on the way is searched.
    expect(typingPause('cont', 150)).toBe(180);
    expect(typingPause('cont', 150)).toBeGreaterThan(150);
    expect(typingPause('cont', 100)).toBe(150);
    expect(typingPause('cont', 5)).toBe(80);
    expect(typingPause('control', undefined)).toBe(180);
    expect(typingPause('co', 5)).toBe(700);
    expect(typingPause('rendezvous p', 100)).toBe(700);
  });
});
