/** The HTML check used on every built page catches what the Nu HTML Checker calls a stray start tag. */
import { describe, expect, it } from 'vitest';
import { htmlErrors } from './html.ts';

const page = (head: string, body: string, after = '') =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>Page</title>\n${head}</head>\n<body>\n<p>Text</p>\n${body}</body>\n</html>${after}\n`;

describe('htmlErrors', () => {
  it('passes a valid page with a module script in the body', async () => {
    expect(
      await htmlErrors(page('', '<script type="module" src="/x.js"></script>\n'), 'ok.html'),
    ).toEqual([]);
  });

  it('reports a script after </html>, where it was written', async () => {
    expect(
      await htmlErrors(
        page('', '', '<script type="module" src="/x.js"></script>'),
        'search/index.html',
      ),
    ).toEqual([
      'search/index.html:9:9 jol/stray-content: Stray start tag <script> outside <html>, expected nothing after </html>',
    ]);
  });

  it('reports words after </html>, and an element between </body> and </html>', async () => {
    expect(await htmlErrors(page('', '', 'trailing words'), 'x.html')).toEqual([
      'x.html:9:8 jol/stray-content: Stray text "trailing words" outside <html>, expected nothing after </html>',
    ]);
    const afterBody = await htmlErrors(
      page('', '').replace('</body>\n', '</body>\n<script type="module" src="/x.js"></script>\n'),
      'y.html',
    );
    expect(afterBody.length).toBeGreaterThan(0);
  });
});
