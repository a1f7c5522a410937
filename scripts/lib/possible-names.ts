/**
 * Bare names that no pattern decides ("Wojciech Nowak and Li Wei staffed the rendezvous point"),
 * judged by compromise's people detection (`nlp(sentence).people()`), which runs offline from
 * its own lexicon of first names, surnames and patterns. It is loaded only when a file has a
 * candidate (a run of capitalised words that is not at a sentence start, not a place, a thing or
 * an organisation, and not already reported), so most files never load it. A name found only
 * by the model is a warning: a reviewer decides in the pull request.
 */
import type { Finding, NameCandidate } from './personal-data.ts';

type Nlp = (typeof import('compromise'))['default'];
let loading: Promise<Nlp> | undefined;
const load = () => (loading ??= import('compromise').then((m) => m.default));

/** Decisions by candidate text and sentence, so a name repeated across files is judged once per worker. */
const decided = new Map<string, boolean>();

/** The candidates the model takes for people's names, as `possible-name` findings. */
export async function judgeNameCandidates(
  text: string,
  candidates: readonly NameCandidate[],
): Promise<Finding[]> {
  if (candidates.length === 0) return [];
  const out: Finding[] = [];
  const bySentence = new Map<number, NameCandidate[]>();
  for (const c of candidates) {
    const key = `${c.text}\u0000${text.slice(c.sentenceStart, c.sentenceEnd)}`;
    const known = decided.get(key);
    if (known !== undefined) {
      if (known) out.push({ offset: c.offset, text: c.text, kind: 'possible-name' });
      continue;
    }
    const list = bySentence.get(c.sentenceStart) ?? [];
    list.push(c);
    bySentence.set(c.sentenceStart, list);
  }
  if (bySentence.size === 0) return out;
  const nlp = await load();
  for (const list of bySentence.values()) {
    const { sentenceStart, sentenceEnd } = list[0]!;
    const sentence = text.slice(sentenceStart, sentenceEnd);
    // Line breaks and list markers become spaces, so offsets stay those of the file.
    const people = nlp(sentence.replace(/\s/g, ' ')).people().out('offset') as {
      offset: { start: number; length: number };
    }[];
    for (const c of list) {
      const from = c.offset - sentenceStart;
      const to = from + c.text.length;
      const person = people.some(
        (p) => p.offset.start < to && p.offset.start + p.offset.length > from,
      );
      if (decided.size > 50_000) decided.clear();
      decided.set(`${c.text}\u0000${sentence}`, person);
      if (person) out.push({ offset: c.offset, text: c.text, kind: 'possible-name' });
    }
  }
  return out;
}
