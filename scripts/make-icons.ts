/**
 * Draws the app icons (public/icon-192.png, public/icon-512.png) from public/icon.svg with
 * the system Chromium: a plain "JL" mark, no crown. Run again after changing the SVG.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './lib/browser/chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const svg = fs.readFileSync(path.join(root, 'public/icon.svg'), 'utf8');
const browser = await launchChromium();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: path.join(root, `public/icon-${size}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
}
