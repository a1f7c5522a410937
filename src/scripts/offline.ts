/**
 * Every page: starts offline reading after the page has loaded when it is on (the edition's
 * default or the reader's choice), and otherwise makes sure nothing is kept. On the search
 * page, while the browser is offline, each result whose page is not kept on this device says
 * so.
 */
import { offlineOn, startOffline, stopOffline } from '../lib/offline-choice.ts';

if (offlineOn()) {
  const start = () => void startOffline();
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start);
} else if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.getRegistrations().then((r) => (r.length > 0 ? stopOffline() : 0));
}

const results = document.getElementById('search-results');
if (results && 'caches' in window) {
  const mark = async () => {
    if (navigator.onLine) return;
    for (const link of results.querySelectorAll<HTMLAnchorElement>('h2 a:not([data-offline])')) {
      link.dataset.offline = 'checking';
      link.dataset.offline = (await caches.match(link.href)) ? 'yes' : 'no';
      if (link.dataset.offline === 'no') {
        const note = document.createElement('strong');
        note.className = 'govuk-tag govuk-tag--grey jol-offline-missing';
        note.textContent = 'Not available offline';
        link.parentElement?.after(note);
      }
    }
  };
  new MutationObserver(() => void mark()).observe(results, { childList: true, subtree: true });
}
