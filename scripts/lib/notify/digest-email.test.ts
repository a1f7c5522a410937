import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { digestEmail } from './digest-email.ts';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  '&lt;b&gt;entity&lt;/b&gt; & ampersand',
  ']]> \' " <!-- comment -->',
];

describe('the notification email', () => {
  const lessons = HOSTILE.map((text, i) => ({
    id: `2025-01-0${i + 1}-x`,
    kind: 'lesson-identified',
    title: `Title ${text}`,
    summary: `Summary ${text}`,
    date: '2025-01-01',
    classification: 'official',
  }));
  const email = digestEmail(lessons, 'https://jol.example.org', '[JOL]');

  it("builds no element or event handler from a lesson's text, and reads it back as written", () => {
    const tree: Root = fromHtml(email.html, { fragment: true });
    const names = new Set<string>();
    visit(tree, 'element', (e: Element) => {
      names.add(e.tagName);
      for (const key of Object.keys(e.properties ?? {}))
        expect(key.toLowerCase().startsWith('on'), key).toBe(false);
    });
    expect([...names].sort()).toEqual(['a', 'li', 'p', 'strong', 'ul']);
    let text = '';
    visit(tree, 'text', (t: { value: string }) => {
      text += t.value;
    });
    for (const h of HOSTILE) {
      expect(text).toContain(`Title ${h}`);
      expect(text).toContain(`Summary ${h}`);
    }
  });

  it('keeps content out of the subject, whose only header line it is', () => {
    expect(email.subject).toBe('[JOL] 4 new lessons published');
  });
});
