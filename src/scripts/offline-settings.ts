/** The offline reading page: says what is kept, and turns offline reading on or off. */
import {
  kilobytes,
  offlineOn,
  setOfflineChoice,
  startOffline,
  stopOffline,
} from '../lib/offline-choice.ts';

const status = document.getElementById('offline-status')!;
const on = document.getElementById('offline-on') as HTMLButtonElement;
const off = document.getElementById('offline-off') as HTMLButtonElement;

async function kept(): Promise<{ entries: number; bytes: number }> {
  let entries = 0;
  let bytes = 0;
  if ('caches' in window)
    for (const name of await caches.keys()) {
      if (!name.startsWith('jol-')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        entries++;
        bytes += (await (await cache.match(request))?.blob())?.size ?? 0;
      }
    }
  return { entries, bytes };
}

async function show(message?: string) {
  const isOn = offlineOn();
  on.hidden = isOn;
  off.hidden = !isOn;
  const { entries, bytes } = await kept();
  status.textContent =
    (message ? `${message} ` : '') +
    (isOn
      ? `Offline reading is on: ${entries} files (${kilobytes(bytes)}) are kept on this device.`
      : entries > 0
        ? `Offline reading is off, but ${entries} files are still kept.`
        : 'Offline reading is off: nothing is kept on this device.');
}

on.addEventListener('click', () => {
  setOfflineChoice(true);
  void startOffline()
    .then(() => navigator.serviceWorker.ready)
    .then(() => show('Offline reading is now on.'));
});
off.addEventListener('click', () => {
  setOfflineChoice(false);
  void stopOffline().then((n) => show(`Deleted ${n} files.`));
});
document.getElementById('offline-missing')!.hidden = navigator.onLine;
void show();
