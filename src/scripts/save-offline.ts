/** "Save for offline" (components/SaveOffline.astro): the size first, then the pages kept. */
import { kilobytes, offlineOn } from '../lib/offline-choice.ts';

const box = document.querySelector<HTMLElement>('.jol-save-offline');
if (box && 'caches' in window) {
  const pages = JSON.parse(box.dataset.pages ?? '[]') as string[];
  const status = document.getElementById('save-offline-status')!;
  const check = document.getElementById('save-offline-check') as HTMLButtonElement;
  const save = document.getElementById('save-offline-save') as HTMLButtonElement;
  box.hidden = false;
  if (!offlineOn()) {
    check.hidden = true;
    document.getElementById('save-offline-off')!.hidden = false;
  }
  let fetched: [string, Blob, Headers][] = [];
  check.addEventListener('click', () => {
    status.textContent = 'Checking the size…';
    void Promise.all(
      pages.map(async (page) => {
        const response = await fetch(page, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${page}: HTTP ${response.status}`);
        return [page, await response.blob(), response.headers] as [string, Blob, Headers];
      }),
    ).then(
      (all) => {
        fetched = all;
        const bytes = all.reduce((sum, [, blob]) => sum + blob.size, 0);
        status.textContent = `${all.length} pages, ${kilobytes(bytes)} on this device.`;
        save.textContent = `Save ${all.length} pages (${kilobytes(bytes)})`;
        check.hidden = true;
        save.hidden = false;
        save.focus();
      },
      () => (status.textContent = 'Could not check the size: are you online?'),
    );
  });
  save.addEventListener('click', () => {
    void (async () => {
      const cache = await caches.open('jol-pages');
      for (const [page, blob, headers] of fetched) {
        const kept = new Headers({ 'x-jol-stored': String(Date.now()) });
        kept.set('content-type', headers.get('content-type') ?? 'text/html; charset=utf-8');
        await cache.put(page, new Response(blob, { headers: kept }));
      }
      save.hidden = true;
      status.textContent = `Saved ${fetched.length} pages for offline reading.`;
    })();
  });
}
