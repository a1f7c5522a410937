import { describe, expect, it } from 'vitest';
import {
  HIDDEN_LINK_TEXT,
  extractBodyLinks,
  resolveRecordLink,
  withoutRecordLinks,
} from './body-links.ts';
import { parseBody } from './remark/processor.ts';

const FROM = { collection: 'lessons', id: '2025-01-01-this-lesson' };
const ORIGINS = new Set(['https://jol-library.github.io']);
const resolve = (url: string) => resolveRecordLink(url, FROM, ORIGINS);

describe('extractBodyLinks', () => {
  it('finds links, autolinks, images and definitions at their line and column in the file', () => {
    const body = [
      'Text with [a link](/lessons/2025-03-01-x/) and',
      '<https://jol-library.github.io/jol-library/action-notes/2025-001/>.',
      '',
      '  ![alt](../2025-03-02-y/) [ref][r] [mail](mailto:a@b.org) [top](#top)',
      '',
      '[r]: /events/2025-03-03-z/',
    ].join('\n');
    expect(extractBodyLinks(parseBody(body), 10)).toEqual([
      { url: '/lessons/2025-03-01-x/', line: 11, column: 11 },
      {
        url: 'https://jol-library.github.io/jol-library/action-notes/2025-001/',
        line: 12,
        column: 1,
      },
      { url: '../2025-03-02-y/', line: 14, column: 3 },
      { url: '/events/2025-03-03-z/', line: 16, column: 1 },
    ]);
  });
});

describe('resolveRecordLink', () => {
  it('resolves root, base-path, relative and full-address links to the record', () => {
    const lesson = { collection: 'lessons', id: '2025-03-01-x' };
    expect(resolve('/lessons/2025-03-01-x/')).toEqual(lesson);
    expect(resolve('/jol-library/lessons/2025-03-01-x')).toEqual(lesson);
    expect(resolve('../2025-03-01-x/')).toEqual(lesson);
    expect(resolve('https://jol-library.github.io/jol-library/lessons/2025-03-01-x/#a')).toEqual(
      lesson,
    );
    expect(resolve('/lessons/2025-03-01-x/index.html?q=1')).toEqual(lesson);
    expect(resolve('/action-notes/2025-001/')).toEqual({
      collection: 'action-notes',
      id: '2025-001',
    });
    expect(resolve('../../assurance/2025-001/')).toEqual({
      collection: 'action-notes',
      id: '2025-001',
    });
    expect(resolve('//jol-library.github.io/events/2025-03-03-z/')).toEqual({
      collection: 'events',
      id: '2025-03-03-z',
    });
  });

  it('leaves other sites, list pages, organisations, the record itself and other schemes alone', () => {
    for (const url of [
      'https://example.org/lessons/2025-03-01-x/',
      '/lessons/2/',
      '/organisations/northshire-police/',
      '/lessons/2025-01-01-this-lesson/#recommendation',
      '#what-happened',
      'mailto:someone@example.org',
      '/search/?q=2025-03-01-x',
      '2025-03-01-x/',
    ])
      expect(resolve(url), url).toBeUndefined();
  });
});

describe('withoutRecordLinks', () => {
  const hidden = (url: string) => {
    const to = resolve(url);
    return to?.id === '2025-03-01-x' ? { id: to.id, title: 'The secret title' } : undefined;
  };
  const hiddenId = (id: string) => id === '2025-03-01-x';

  it('turns links to hidden records into their words, in every form', () => {
    const body = [
      'See [the notes](/lessons/2025-03-01-x/), [kept](../2025-03-02-y/) and',
      '[*emphasised* words][r], ![a photo](../2025-03-01-x/).',
      '',
      '[r]: /jol-library/lessons/2025-03-01-x/',
      '',
    ].join('\n');
    expect(withoutRecordLinks(body, hidden, hiddenId)).toBe(
      [
        'See the notes, [kept](../2025-03-02-y/) and',
        '*emphasised* words, a photo.',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('replaces words that would name the record, and its id anywhere in the text', () => {
    const body =
      'As <https://jol-library.github.io/lessons/2025-03-01-x/> and [The Secret Title](../2025-03-01-x/) and [2025-03-01-x](/lessons/2025-03-01-x/) say; lesson 2025-03-01-x, not 2025-03-01-xy.';
    expect(withoutRecordLinks(body, hidden, hiddenId)).toBe(
      `As ${HIDDEN_LINK_TEXT} and ${HIDDEN_LINK_TEXT} and ${HIDDEN_LINK_TEXT} say; lesson ${HIDDEN_LINK_TEXT}, not 2025-03-01-xy.`,
    );
  });

  it('returns a body with nothing to hide unchanged', () => {
    const body = 'A [public lesson](../2025-03-02-y/) and <https://example.org/>.';
    expect(withoutRecordLinks(body, hidden, hiddenId)).toBe(body);
  });
});
