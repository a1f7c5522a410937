/** The browser tests use the shared Chromium launcher (system Chromium, never a download). */
export { findChromium, launchChromium as launch } from '../../scripts/lib/browser/chromium.ts';
