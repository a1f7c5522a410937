import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders CommonMark and GFM tables in GOV.UK style', () => {
    const html = renderMarkdown(
      '## What happened\n\nText with [a link](https://example.org).\n\n- one\n- two\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n',
    );
    expect(html).toContain('<h2 class="govuk-heading-m">What happened</h2>');
    expect(html).toContain('<p class="govuk-body">');
    expect(html).toContain(
      '<a href="https://example.org" class="govuk-link" rel="noopener noreferrer nofollow">a link</a>',
    );
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    expect(html).toContain('<table class="govuk-table">');
    expect(html).not.toContain('style=');
    expect(html).not.toContain('align=');
  });

  it('turns images into links, and drops unsafe ones to their text', () => {
    expect(renderMarkdown('![Cordon plan](https://example.org/plan.png)')).toBe(
      '<p class="govuk-body"><a href="https://example.org/plan.png" class="govuk-link" rel="noopener noreferrer nofollow">Cordon plan</a></p>',
    );
    expect(renderMarkdown("![img](javascript:alert('x'))")).toBe(
      '<p class="govuk-body"><span>img</span></p>',
    );
  });

  it('demotes h1 so the page keeps one', () => {
    expect(renderMarkdown('# Big')).toBe('<h2 class="govuk-heading-m">Big</h2>');
  });

  it.each([
    ['raw script', '<script>alert(1)</script>'],
    ['inline handler', '<img src=x onerror="alert(1)">'],
    ['javascript link', '[click](javascript:alert(1))'],
    ['data link', '[click](data:text/html,<script>alert(1)</script>)'],
    ['vbscript autolink', '<vbscript:msgbox(1)>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['svg', '<svg onload="alert(1)"></svg>'],
    ['style', '<style>body{display:none}</style>'],
    ['html entity trick', '[x](&#106;avascript:alert(1))'],
  ])('neutralises %s', (_name, markdown) => {
    const html = renderMarkdown(`Before\n\n${markdown}\n\nAfter`);
    expect(html).not.toMatch(
      /<script|<iframe|<svg|<style|<img|\son\w+=|href="\s*(?:javascript|vbscript|data):/i,
    );
    expect(html).toContain('After');
  });

  it('keeps text that looks like markup as text', () => {
    expect(renderMarkdown('Use `<script>` and 1 < 2 & 3 > 2')).toBe(
      '<p class="govuk-body">Use <code>&#x3C;script></code> and 1 &#x3C; 2 &#x26; 3 > 2</p>',
    );
  });
});
