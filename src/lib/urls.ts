/**
 * Every address the site links to, in one place, so that a base path (GitHub Pages serves a
 * project under /<repo>/) and absolute feed links come out right everywhere.
 */
export interface Urls {
  /** Site-relative path with the base path: href('lessons/') → '/jol/lessons/'. */
  href(path: string): string;
  /** Absolute address, for feeds and the sitemap. */
  absolute(path: string): string;
  home(): string;
  lesson(id: string): string;
  lessons(page?: number): string;
  notablePractice(page?: number): string;
  facetIndex(facet: string): string;
  facetTerm(facet: string, term: string, page?: number): string;
  note(id: string): string;
  notes(): string;
  event(id: string): string;
  events(): string;
  organisation(id: string): string;
  organisations(): string;
  digest(quarter: string): string;
  digests(): string;
  digestFeed(name: 'rss' | 'atom'): string;
  trends(): string;
  /** The assurance dashboard, or one note's page of it. */
  assurance(noteId?: string): string;
  /** The open data page, or one of its files ('lessons.csv', 'schemas/lesson.schema.json'). */
  data(file?: string): string;
  guide(name: string): string;
  search(): string;
  feed(name: 'rss' | 'atom' | 'json'): string;
  facetFeed(facet: string, term: string): string;
  history(repoPath: string): string;
  edit(repoPath: string): string;
}

function paged(path: string, page = 1): string {
  return page > 1 ? `${path}${page}/` : path;
}

export function createUrls(opts: {
  basePath: string;
  siteUrl: string;
  repositoryUrl: string;
  repositoryBranch: string;
}): Urls {
  const base = opts.basePath.endsWith('/') ? opts.basePath : `${opts.basePath}/`;
  const href = (path: string) => base + path.replace(/^\/+/, '');
  const enc = encodeURIComponent;
  const repoFile = (kind: 'commits' | 'edit', repoPath: string) =>
    `${opts.repositoryUrl}/${kind}/${enc(opts.repositoryBranch)}/${repoPath.split('/').map(enc).join('/')}`;
  return {
    href,
    absolute: (path) => opts.siteUrl + (path.startsWith('/') ? path : href(path)),
    home: () => href(''),
    lesson: (id) => href(`lessons/${enc(id)}/`),
    lessons: (page) => href(paged('lessons/', page)),
    notablePractice: (page) => href(paged('notable-practice/', page)),
    facetIndex: (facet) => href(`${facet}/`),
    facetTerm: (facet, term, page) =>
      facet === 'organisations'
        ? href(`organisations/${enc(term)}/`)
        : href(paged(`${facet}/${enc(term)}/`, page)),
    note: (id) => href(`action-notes/${enc(id)}/`),
    notes: () => href('action-notes/'),
    event: (id) => href(`events/${enc(id)}/`),
    events: () => href('events/'),
    organisation: (id) => href(`organisations/${enc(id)}/`),
    organisations: () => href('organisations/'),
    digest: (quarter) => href(`digests/${enc(quarter)}/`),
    digests: () => href('digests/'),
    digestFeed: (name) => href(name === 'rss' ? 'feeds/digests.xml' : 'feeds/digests.atom'),
    trends: () => href('trends/'),
    assurance: (noteId) => href(noteId === undefined ? 'assurance/' : `assurance/${enc(noteId)}/`),
    data: (file) =>
      href(file === undefined ? 'data/' : `data/${file.split('/').map(enc).join('/')}`),
    guide: (name) => href(`${name}/`),
    search: () => href('search/'),
    feed: (name) =>
      href(
        name === 'rss'
          ? 'feeds/lessons.xml'
          : name === 'atom'
            ? 'feeds/lessons.atom'
            : 'feeds/lessons.json',
      ),
    facetFeed: (facet, term) => href(`feeds/${facet}/${enc(term)}.xml`),
    history: (repoPath) => repoFile('commits', repoPath),
    edit: (repoPath) => repoFile('edit', repoPath),
  };
}
