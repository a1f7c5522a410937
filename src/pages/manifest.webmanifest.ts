/** The web app manifest: the library installs as an app that opens at its home page. */
import { config, urls } from '../lib/site-data.ts';

export function GET(): Response {
  const manifest = {
    name: config.name,
    short_name: 'JOL',
    description: 'Joint Organisational Learning for UK emergency responders.',
    lang: 'en-GB',
    start_url: urls.home(),
    scope: urls.home(),
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1d70b8',
    icons: [
      { src: urls.href('icon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: urls.href('icon-192.png'), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: urls.href('icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'any' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
}
