/**
 * Search page behaviour: loads Pagefind (only here, only when the page is used), runs the
 * query with the checked filters and the chosen order, and shows results built with DOM APIs
 * (never innerHTML of index data, so nothing from content can run).
 */
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
  search(term: string | null, o?: Record<string, unknown>): Promise<{ results: PagefindResult[]; unfilteredResultCount: number }>;
}

const PAGE = 10;

const root = document.querySelector<HTMLElement>('[data-search]');
const form = document.querySelector<HTMLFormElement>('#search-form');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const nojs = document.querySelector<HTMLElement>('#search-nojs');

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

function readForm(): { q: string; sort: string; filters: Record<string, string[]> } {
  const data = new FormData(form!);
  const filters: Record<string, string[]> = {};
  for (const [name, value] of data.entries()) {
    if (name === 'q' || name === 'sort' || typeof value !== 'string') continue;
    (filters[name] ??= []).push(value);
  }
  return { q: String(data.get('q') ?? '').trim(), sort: String(data.get('sort') ?? ''), filters };
}

function fillForm(params: URLSearchParams): void {
  const q = form!.elements.namedItem('q') as HTMLInputElement;
  q.value = params.get('q') ?? '';
  const sort = form!.elements.namedItem('sort') as HTMLSelectElement;
  sort.value = params.get('sort') ?? '';
  for (const box of Array.from(form!.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))) {
    box.checked = params.getAll(box.name).includes(box.value);
    if (box.checked) box.closest('details')?.setAttribute('open', '');
  }
}

let pagefind: Pagefind | undefined;
async function load(): Promise<Pagefind> {
  if (pagefind) return pagefind;
  const bundle = root!.dataset.bundle!;
  pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: root!.dataset.base, excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}

let results: PagefindResult[] = [];
let shown = 0;
let run = 0;

async function showMore(): Promise<void> {
  const slice = results.slice(shown, shown + PAGE);
  const items = await Promise.all(slice.map((r) => r.data()));
  for (const data of items) {
    const li = document.createElement('li');
    li.className = 'jol-lesson-list__item';
    const h = document.createElement('h2');
    h.className = 'govuk-heading-s govuk-!-margin-bottom-1';
    const a = document.createElement('a');
    a.className = 'govuk-link';
    a.href = data.url;
    a.textContent = data.meta.title ?? data.url;
    h.append(a);
    const meta = document.createElement('p');
    meta.className = 'jol-lesson-list__meta';
    meta.textContent = [data.filters.Type?.[0], data.meta.date].filter(Boolean).join(' · ');
    const p = document.createElement('p');
    p.className = 'govuk-body govuk-!-margin-bottom-1';
    appendExcerpt(p, data.excerpt);
    li.append(h, meta, p);
    list!.append(li);
  }
  shown += slice.length;
  more!.hidden = shown >= results.length;
}

async function search(updateAddress: boolean): Promise<void> {
  const mine = ++run;
  const { q, sort, filters } = readForm();
  if (updateAddress) {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (sort) params.set('sort', sort);
    for (const [name, values] of Object.entries(filters)) for (const v of values) params.append(name, v);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }
  list!.replaceChildren();
  more!.hidden = true;
  if (!q && Object.keys(filters).length === 0) {
    results = [];
    status!.textContent = 'Enter words to search for, or choose filters.';
    return;
  }
  status!.textContent = 'Searching…';
  let pf: Pagefind;
  try {
    pf = await load();
  } catch {
    status!.textContent = 'Search could not start. Reload the page to try again, or browse lessons by topic.';
    return;
  }
  const options: Record<string, unknown> = {
    filters: Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }])),
  };
  if (sort) options.sort = { date: sort === 'oldest' ? 'asc' : 'desc' };
  const found = await pf.search(q || null, options);
  if (mine !== run) return;
  results = found.results;
  shown = 0;
  await showMore();
  if (mine !== run) return;
  // The status is announced to screen readers, so it changes only once the results are shown.
  const what = q ? ` for “${q}”` : '';
  status!.textContent = results.length === 0
    ? `No results${what}. Check the spelling, use fewer words or clear some filters.`
    : `${results.length} ${results.length === 1 ? 'result' : 'results'}${what}`;
}

if (root && form && status && list && more) {
  nojs?.setAttribute('hidden', '');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(true);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('input[type=checkbox], select')) void search(true);
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showMore().then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
  });
  const params = new URLSearchParams(location.search);
  fillForm(params);
  if ([...params.keys()].length > 0) void search(false);
  else status.textContent = 'Enter words to search for, or choose filters.';
}
