/**
 * Offline reading in the browser: whether it is on, and turning it on or off. Shared by the
 * script of every page (`scripts/offline.ts`), the offline settings page and "Save for
 * offline". The edition's default is on `<html data-offline="on|ask">`; a reader's own choice
 * is kept in localStorage (`jol-offline`: `on` or `off`), never anything else.
 */
const CHOICE = 'jol-offline';

/** The service worker's address and scope, from `<html data-sw data-scope>`. */
function worker(): { url: string; scope: string } | undefined {
  const root = document.documentElement;
  const url = root.dataset.sw;
  const scope = root.dataset.scope;
  return url && scope && 'serviceWorker' in navigator ? { url, scope } : undefined;
}

/** Whether offline reading is on: the reader's choice, else the edition's default. */
export function offlineOn(): boolean {
  const choice = localStorage.getItem(CHOICE);
  return choice ? choice === 'on' : document.documentElement.dataset.offline === 'on';
}

/** Registers the service worker (it then caches the shell and the newest lessons). */
export async function startOffline(): Promise<void> {
  const w = worker();
  if (w) await navigator.serviceWorker.register(w.url, { scope: w.scope });
}

/** Removes the service worker and every page it kept; returns how many entries went. */
export async function stopOffline(): Promise<number> {
  if ('serviceWorker' in navigator)
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  let removed = 0;
  if ('caches' in window)
    for (const name of await caches.keys()) {
      if (!name.startsWith('jol-')) continue;
      removed += (await (await caches.open(name)).keys()).length;
      await caches.delete(name);
    }
  return removed;
}

export function setOfflineChoice(on: boolean): void {
  localStorage.setItem(CHOICE, on ? 'on' : 'off');
}

/** "240 KB": a size for readers. */
export function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
}
