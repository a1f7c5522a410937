/**
 * Search page behaviour: loads Pagefind (only here, only when the page is used), runs the
 * query with the checked filters and the chosen order as the reader types, and shows results
 * built with DOM APIs (never innerHTML of index data, so nothing from content can run).
 *
 * A first search downloads as little as it can: Pagefind runs on the page's thread (its
 * `noWorker` option: no worker script to fetch), the filters' values are in the page (built
 * with the site, so Pagefind's filters(), which fetches every filter's chunk, is never called:
 * only the chunks of the filters in use are fetched) or, for the organisations, hundreds in a
 * national library, fetched when the reader opens their list or the address names one, the dates are fetched only when the
 * reader orders by date, and while typing no search runs (nor is anything fetched for it)
 * until the reader pauses, longer for a word of one or two letters (src/lib/search-query.ts,
 * typingPause).
 *
 * Without JavaScript the form is a plain GET form; with it, submitting (Enter, the buttons),
 * changing a filter or the order, and typing in the box all search in the page and keep the
 * address in step with history.replaceState.
 *
 * A build that indexed only the records changed since the last full index (see
 * src/lib/search-index-plan.ts) says so in `data-delta`: the delta index is merged in, the
 * full index's out-of-date pages are left out of the results, and, when results are ordered by
 * date, the delta's results are put in their place (Pagefind merges indexes by score).
 *
 * The logic is in src/lib/search-query.ts (the query, the address, Pagefind's options, the
 * status words) and src/lib/search-merge.ts (the delta merge), pure and unit-tested; this
 * script keeps the page's state and wires those to the DOM.
 */
import {
  arrange,
  DATES_FILE,
  type DatesFile,
  type Delta,
  type DeltaManifest,
  deltaOf,
  hasPages,
  NO_DELTA,
  pageDates,
} from '../lib/search-merge.ts';
import {
  isBlank,
  isChecked,
  parseQuery,
  queryString,
  resultsStatus,
  type SearchOptions,
  type SearchQuery,
  searchOptions,
  shownDate,
  typingPause,
} from '../lib/search-query.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Adds another index's results to every search (the build's delta: see below). */
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    o?: SearchOptions,
  ): Promise<{ results: PagefindResult[]; unfilteredResultCount: number }>;
}

const PAGE = 10;
/**
 * How long after the last keystroke the status (a live region) is updated while typing.
 * Results are shown as soon as they are found, but announcing each intermediate count would
 * talk over the reader's own typing echo, so, as GOV.UK's accessible-autocomplete does
 * (statusDebounceMillis), the count is announced once the reader has paused.
 */
const ANNOUNCE_AFTER_TYPING_MS = 1400;
const EMPTY = 'Enter words to search for, or choose filters.';

const root = document.querySelector<HTMLElement>('[data-search]');
const form = document.querySelector<HTMLFormElement>('#search-form');
const box = document.querySelector<HTMLInputElement>('#search-q');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const nojs = document.querySelector<HTMLElement>('#search-nojs');

/** A checkbox of a filter whose values are fetched, as the page's own are written. */
function checkbox(name: string, value: string, id: string): HTMLDivElement {
  const item = document.createElement('div');
  item.className = 'govuk-checkboxes__item';
  const input = document.createElement('input');
  input.className = 'govuk-checkboxes__input';
  input.id = id;
  input.name = name;
  input.type = 'checkbox';
  input.value = value;
  const label = document.createElement('label');
  label.className = 'govuk-label govuk-checkboxes__label';
  label.htmlFor = id;
  label.textContent = value;
  item.append(input, label);
  return item;
}

/** The boxes of the filters whose values are fetched (`data-values` names the filter). */
const fetchedBoxes = (): HTMLElement[] =>
  Array.from(document.querySelectorAll<HTMLElement>('[data-values]'));

let valuesLoading: Promise<void> | undefined;
/** Fetches the values of the filters not written into the page and adds their checkboxes, once; retried after a failure. */
function loadFilterValues(): Promise<void> {
  if (!valuesLoading) {
    valuesLoading = (async () => {
      const response = await fetch(root!.dataset.filterValues!);
      if (!response.ok) throw new Error(`The filter values could not be had (${response.status}).`);
      const values = (await response.json()) as Record<string, string[]>;
      for (const box of fetchedBoxes()) {
        const name = box.dataset.values!;
        box.replaceChildren(
          ...(values[name] ?? []).map((v, i) => checkbox(name, v, `${box.dataset.idPrefix}-${i}`)),
        );
      }
    })();
    valuesLoading.catch(() => {
      valuesLoading = undefined;
      for (const box of fetchedBoxes())
        if (!box.querySelector('input'))
          box.firstElementChild!.textContent =
            'The list could not be loaded. Close and open it again to retry.';
    });
  }
  return valuesLoading;
}

/** Copies only text and <mark> from Pagefind's excerpt into `target`. */
export function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  for (const node of Array.from(doc.body.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) target.append(node.textContent ?? '');
    else if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else target.append(node.textContent ?? '');
  }
}

function readForm(): SearchQuery {
  return parseQuery(new FormData(form!).entries());
}

function fillForm(query: SearchQuery): void {
  box!.value = query.q;
  const sort = form!.elements.namedItem('sort') as HTMLSelectElement;
  sort.value = query.sort;
  for (const check of Array.from(
    form!.querySelectorAll<HTMLInputElement>('input[type=checkbox]'),
  )) {
    check.checked = isChecked(query, check.name, check.value);
    if (check.checked) check.closest('details')?.setAttribute('open', '');
  }
}

/** The delta merged into this page's searches (set once Pagefind has loaded). */
let delta: Delta = NO_DELTA;

let dating: Promise<Map<string, string>> | undefined;
/**
 * Every page's date, by page id: the full index's dates file and the delta's dates, fetched
 * once, when the reader first orders by date (revalidated, as its name does not change between
 * deploys); retried after a failure.
 */
function datesOfPages(): Promise<Map<string, string>> {
  if (!dating) {
    dating = (async () => {
      const response = await fetch(`${root!.dataset.bundle!}${DATES_FILE}`, {
        cache: 'no-cache',
      });
      if (!response.ok) throw new Error(`The dates could not be had (${response.status}).`);
      return pageDates((await response.json()) as DatesFile, delta.dates);
    })();
    dating.catch(() => (dating = undefined));
  }
  return dating;
}

let loading: Promise<Pagefind> | undefined;
/** Loads and starts Pagefind once (its script, then its WebAssembly in a worker, then any delta); retried after a failure. */
function load(): Promise<Pagefind> {
  if (!loading) {
    loading = (async () => {
      const bundle = root!.dataset.bundle!;
      const deltaPath = root!.dataset.delta;
      // Revalidated on every load (the host may cache files for minutes after a deploy, and the
      // manifest's name does not change). If it cannot be had, say after a deploy without a
      // delta while this page was cached, the full index is searched alone.
      const manifest = deltaPath
        ? fetch(`${deltaPath}jol-delta.json`, { cache: 'no-cache' })
            .then((r) => (r.ok ? (r.json() as Promise<DeltaManifest>) : undefined))
            .catch(() => undefined)
        : undefined;
      const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      // The delta is a Pagefind instance of its own: it is given the same options.
      const options = { baseUrl: root!.dataset.base, excerptLength: 24 };
      // noWorker: Pagefind searches on this page's thread rather than in a web worker, whose
      // script a first search would download too (11 KB gzipped).
      await pf.options({ ...options, noWorker: true });
      await pf.init();
      const found = await manifest;
      if (found) {
        if (hasPages(found)) await pf.mergeIndex(deltaPath!, options);
        delta = deltaOf(found);
      }
      return pf;
    })();
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

let results: PagefindResult[] = [];
let shown = 0;
/** Bumped by every search and every keystroke: a search that finds `run` changed is stale and shows nothing. */
let run = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
let announceTimer: ReturnType<typeof setTimeout> | undefined;
/** When the last key was typed (0: none yet). */
let lastKey = 0;

const loaded = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
/** A result's data (its fragment, fetched once). */
function dataOf(r: PagefindResult): Promise<PagefindResultData> {
  let d = loaded.get(r);
  if (!d) loaded.set(r, (d = r.data()));
  return d;
}

async function items(slice: PagefindResult[]): Promise<HTMLLIElement[]> {
  const data = await Promise.all(slice.map(dataOf));
  return data.map((d) => {
    const li = document.createElement('li');
    li.className = 'jol-lesson-list__item';
    const h = document.createElement('h2');
    h.className = 'govuk-heading-s govuk-!-margin-bottom-1';
    const a = document.createElement('a');
    a.className = 'govuk-link';
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    h.append(a);
    const meta = document.createElement('p');
    meta.className = 'jol-lesson-list__meta';
    meta.textContent = [d.filters.Type?.[0], shownDate(d.meta.date)].filter(Boolean).join(' · ');
    const p = document.createElement('p');
    p.className = 'govuk-body govuk-!-margin-bottom-1';
    appendExcerpt(p, d.excerpt);
    li.append(h, meta, p);
    return li;
  });
}

/** Adds the next page of results; false if a newer search came first. */
async function showMore(): Promise<boolean> {
  const mine = run;
  const added = await items(results.slice(shown, shown + PAGE));
  if (mine !== run) return false;
  list!.append(...added);
  shown += added.length;
  showMoreButton(shown < results.length);
  return true;
}

/**
 * Shows or hides "Show more results". The hidden attribute alone does not hide it: GOV.UK's
 * .govuk-button sets display and wins over the [hidden] rule, so the GOV.UK override class
 * does the hiding too.
 */
function showMoreButton(visible: boolean): void {
  more!.hidden = !visible;
  more!.classList.toggle('govuk-!-display-none', !visible);
}

/**
 * Sets the status (a polite live region, so every change is read out). After a submit or a
 * filter change it changes at once; while typing, only once the reader has paused (see
 * ANNOUNCE_AFTER_TYPING_MS) and never before the results it describes are shown.
 */
function say(text: string, typing: boolean): void {
  clearTimeout(announceTimer);
  if (!typing) {
    status!.textContent = text;
    return;
  }
  const wait = Math.max(0, lastKey + ANNOUNCE_AFTER_TYPING_MS - performance.now());
  announceTimer = setTimeout(() => (status!.textContent = text), wait);
}

async function search(updateAddress: boolean, typing = false): Promise<void> {
  clearTimeout(typingTimer);
  clearTimeout(announceTimer);
  const mine = ++run;
  const query = readForm();
  const { q, sort, filters } = query;
  if (updateAddress) {
    const address = queryString(query);
    history.replaceState(null, '', address ? `?${address}` : location.pathname);
  }
  // While typing, the previous results stay until the new ones replace them (no flicker).
  if (!typing || isBlank(query)) {
    list!.replaceChildren();
    delete list!.dataset.resultsFor;
    showMoreButton(false);
  }
  if (isBlank(query)) {
    results = [];
    say(EMPTY, typing);
    return;
  }
  if (!typing) say('Searching…', false);
  let found: PagefindResult[];
  let first: HTMLLIElement[];
  let started = false;
  try {
    const pf = await load();
    started = true;
    const [searched, dates] = await Promise.all([
      pf.search(q || null, searchOptions(filters)),
      sort ? datesOfPages() : undefined,
    ]);
    // A page missing from the dates (none should be) is dated by its fragment.
    const missing = dates ? searched.results.filter((r) => !dates.has(r.id)) : [];
    const fromFragments = new Map(
      await Promise.all(
        missing.map(async (r) => [r.id, (await dataOf(r)).meta.date ?? ''] as const),
      ),
    );
    found = arrange(
      searched.results,
      sort,
      delta,
      (r) => dates?.get(r.id) ?? fromFragments.get(r.id) ?? '',
    );
    if (mine !== run) return;
    first = await items(found.slice(0, PAGE));
  } catch {
    if (mine !== run) return;
    // Results still on screen are for other words: they go, so the message is not read as theirs.
    list!.replaceChildren();
    delete list!.dataset.resultsFor;
    showMoreButton(false);
    say(
      started
        ? 'The search failed. Try again, or browse lessons by topic.'
        : 'Search could not start. Reload the page to try again, or browse lessons by topic.',
      typing,
    );
    return;
  }
  if (mine !== run) return;
  results = found;
  shown = first.length;
  list!.replaceChildren(...first);
  // Says which query the list shows (the browser tests and the benchmark wait for it).
  list!.dataset.resultsFor = q;
  showMoreButton(shown < results.length);
  // The status is announced to screen readers, so it changes only once the results are shown.
  say(resultsStatus(results.length, q), typing);
}

/**
 * Each keystroke: the results shown (or on their way) are for older words, so stop them, and
 * search once typing pauses (typingPause: in the reader's rhythm, longer for a word of one or
 * two letters). Nothing is fetched for the words on the way: Pagefind's preload of "hel" fetches
 * the index chunks of every word starting "hel", one more chunk than "heliograph" needs.
 */
function typed(): void {
  run++;
  const now = performance.now();
  const sinceLastKey = lastKey > 0 && now - lastKey < 1000 ? now - lastKey : undefined;
  lastKey = now;
  clearTimeout(typingTimer);
  clearTimeout(announceTimer);
  // The count shown is for the words before this keystroke; clearing it is not read out.
  status!.textContent = '';
  typingTimer = setTimeout(() => void search(true, true), typingPause(readForm().q, sinceLastKey));
}

if (root && form && box && status && list && more) {
  nojs?.setAttribute('hidden', '');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(true);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('input[type=checkbox], select')) void search(true);
  });
  box.addEventListener('input', typed);
  // Start loading Pagefind (script, WebAssembly, metadata) when the reader goes to the box,
  // as Pagefind's own UI does, so it is usually ready by the time the first word is typed.
  box.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showMore().then((added) => {
      if (added) (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus();
    });
  });
  for (const box of fetchedBoxes())
    box.closest('details')?.addEventListener('toggle', (event) => {
      if ((event.target as HTMLDetailsElement).open) void loadFilterValues().catch(() => undefined);
    });
  const params = new URLSearchParams(location.search);
  const query = parseQuery(params);
  fillForm(query);
  // A filter whose values are fetched and that the address names: its checkboxes first.
  const fetchedFirst = fetchedBoxes().some((b) => query.filters[b.dataset.values!])
    ? loadFilterValues().then(
        () => fillForm(query),
        // Without the list, the address's own values are the list: the search still uses them.
        () => {
          for (const box of fetchedBoxes())
            box.append(
              ...(query.filters[box.dataset.values!] ?? []).map((v, i) => {
                const item = checkbox(box.dataset.values!, v, `${box.dataset.idPrefix}-a${i}`);
                item.querySelector('input')!.checked = true;
                return item;
              }),
            );
        },
      )
    : Promise.resolve();
  if ([...params.keys()].length > 0) void fetchedFirst.then(() => search(false));
  else status.textContent = EMPTY;
}
