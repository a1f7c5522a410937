/**
 * The records of a content root read straight from its files, for tests that check what the
 * site built against the content itself rather than against the site's own loader: Markdown
 * frontmatter split by hand and parsed with `yaml` (dates stay strings), YAML records parsed
 * whole, ids from the file names. The vocabularies come from their JSON data files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// A record's fields are whatever YAML held; the tests compare them with the page as they are.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Fields = Record<string, any>;
export interface FileRecord {
  id: string;
  data: Fields;
  /** The Markdown body (empty for YAML records). */
  body: string;
}
export interface ContentFiles {
  lessons: FileRecord[];
  'action-notes': FileRecord[];
  events: FileRecord[];
  organisations: FileRecord[];
}

function read(file: string): { data: Fields; body: string } {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.md')) return { data: parse(text) as Fields, body: '' };
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) throw new Error(`${file}:1:1 expected frontmatter between --- lines`);
  return { data: parse(m[1]!) as Fields, body: text.slice(m[0].length) };
}

function folder(dir: string, ext: string): FileRecord[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.startsWith('.'))
    .sort()
    .map((f) => ({ id: f.slice(0, -ext.length), ...read(path.join(dir, f)) }));
}

/** Every lesson, action note, event and organisation of a content root (the responders edition: all of them). */
export function readContentFiles(root: string): ContentFiles {
  return {
    lessons: folder(path.join(root, 'lessons'), '.md'),
    'action-notes': folder(path.join(root, 'action-notes'), '.md'),
    events: folder(path.join(root, 'events'), '.yaml'),
    organisations: folder(path.join(root, 'organisations'), '.yaml'),
  };
}

const VOCABULARIES = path.resolve(import.meta.dirname, '../../schemas/vocabularies');
interface Term {
  id: string;
  name: string;
}
const vocabulary = (file: string): Fields =>
  JSON.parse(fs.readFileSync(path.join(VOCABULARIES, file), 'utf8')) as Fields;
const jesip = vocabulary('jesip.json');
const jol = vocabulary('jol.json');
const nrr = vocabulary('nrr-2025-risks.json');
const responders = vocabulary('responders.json');

/** A term's name by id, from one list of a vocabulary's JSON file; throws on an unknown id. */
function names(terms: Term[], what: string): (id: string) => string {
  const byId = new Map(terms.map((t) => [t.id, t.name]));
  return (id) => {
    const name = byId.get(id);
    if (name === undefined) throw new Error(`Unknown ${what} "${id}"`);
    return name;
  };
}

const themes = nrr.themes as (Term & { risks: Term[] })[];
/** The vocabularies' names, as the data files hold them. */
export const vocabularies = {
  principles: jesip.principles as Term[],
  riskThemes: themes,
  sectors: responders.sectors as Term[],
  principle: names(jesip.principles as Term[], 'principle'),
  model: names(jesip.models as Term[], 'model'),
  commandLevel: names(jesip.command_levels as Term[], 'command level'),
  lessonKind: names(jol.lesson_kinds as Term[], 'lesson kind'),
  criterion: names(Object.values(jol.criteria as Record<string, Term[]>).flat(), 'criterion'),
  source: names(jol.sources as Term[], 'source'),
  lessonStatus: names(jol.lesson_statuses as Term[], 'lesson status'),
  classification: names(jol.classifications as Term[], 'classification'),
  sector: names(responders.sectors as Term[], 'sector'),
  risk: names(
    themes.flatMap((t) => t.risks),
    'risk',
  ),
  riskTheme: names(themes, 'risk theme'),
  themeOfRisk: (risk: string) => themes.find((t) => t.risks.some((r) => r.id === risk))!.id,
};

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );
/** 2024-03-05 → "5 March 2024" (the GOV.UK style). */
export function inWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
