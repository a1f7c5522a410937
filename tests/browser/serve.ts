/** The browser tests use the shared static server (as GitHub Pages serves a built site). */
export { serveStatic as serve } from '../../scripts/lib/browser/static-server.ts';
