/**
 * A linear pre-scan of a Markdown body, run before micromark parses it: the constructs whose
 * parsing time grows with the square of their size (or worse) are refused here, so that no
 * body can hold up the validator, the bot or the build. Measured with micromark 4 on this
 * project's machine: 8,000 runs of `*` in one paragraph take 14 s to parse, block quotes
 * 40,000 deep 22 s, lists 4,000 deep ("- - - …") 10 s, lists 500 deep by indentation 4 s.
 *
 * - Nesting: block quotes and lists at most MAX_NESTING deep. Counted per line: each `>` and
 *   each list marker (`-`, `*`, `+`, `1.`, `1)` followed by a space) at the start of the line,
 *   plus one level for every two columns of indentation before the first of them (a nested
 *   list item is indented at least two columns per level).
 * - Emphasis delimiters, "<" and "[": at most MAX_RUNS_PER_PARAGRAPH runs of `*` or `_`, `<`
 *   and `[` between two blank lines, and MAX_RUNS_PER_BODY in the whole body (fenced code
 *   blocks are not counted). 20,000 `<!--` in one paragraph (80 KB) took longer than 20 s,
 *   15,800 links in one paragraph 8.6 s.
 *
 * - Size: micromark's time is linear in the rest, but 1 MB of Markdown can still take many
 *   seconds: 500,000 one-letter lines 5 s, 250,000 list items 16 s, a table of 100,000 rows
 *   16 s, 1 MB of "[" 4 s; 5,000 list items take 1 s and 10,000 headings 1.1 s. So a body has
 *   at most MAX_LINES lines, MAX_BLOCKS of them starting a heading, a block quote or a list
 *   item or holding "|" (a table row), and MAX_MARKUP of the characters `[ ] & \` \ ! < * _ |`
 *   (fenced code included). At these limits a body parses in about half a second; a lesson
 *   has a hundred lines or so.
 *
 * These limits are far beyond what a record needs (a lesson nests two or three levels and
 * emphasises a few words a paragraph), and small enough that a body at the limits parses in
 * well under a second.
 */
export const MAX_NESTING = 32;
export const MAX_RUNS_PER_PARAGRAPH = 500;
export const MAX_RUNS_PER_BODY = 5000;
export const MAX_LINES = 5000;
export const MAX_BLOCKS = 1000;
export const MAX_MARKUP = 25_000;
/** The characters micromark spends the most time on (each can start a construct). */
const MARKUP = new Set([...'[]&`\\!<*_|'].map((c) => c.charCodeAt(0)));

export interface ScanProblem {
  line: number;
  column: number;
  rule: 'markdown/too-deep' | 'markdown/delimiter-runs' | 'markdown/too-large';
  message: string;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const isBlank = (c: number) => c === SPACE || c === TAB || c === CR;

/** The problems of a body that must not be parsed (an empty list for every ordinary body). */
export function scanBody(text: string): ScanProblem[] {
  const problems: ScanProblem[] = [];
  let tooDeep = false;
  let paragraphReported = false;
  let bodyReported = false;
  let paragraphRuns = 0;
  let bodyRuns = 0;
  let fence = '';
  let line = 0;
  let blocks = 0;
  let markup = 0;
  let tooMuch = false;
  const tooMuchMarkup = (at: number, lineStart: number, what: string) => {
    tooMuch = true;
    problems.push({
      line,
      column: at - lineStart + 1,
      rule: 'markdown/too-large',
      message: `Found more than ${what} in the body; expected a record's text (split a long table or listing into a linked document)`,
    });
  };
  for (let start = 0; start <= text.length;) {
    line++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (line > MAX_LINES && !tooMuch)
      tooMuchMarkup(start, start, `${MAX_LINES.toLocaleString('en-GB')} lines`);
    // Leading indentation, in columns (a tab to the next multiple of 4).
    let i = start;
    let columns = 0;
    while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) {
      columns = text.charCodeAt(i) === TAB ? columns + 4 - (columns % 4) : columns + 1;
      i++;
    }
    if (i === end || (i === end - 1 && text.charCodeAt(i) === CR)) {
      paragraphRuns = 0;
      paragraphReported = false;
      start = end + 1;
      continue;
    }
    if (!tooMuch) {
      let pipe = false;
      for (let k = i; k < end && !tooMuch; k++) {
        const c = text.charCodeAt(k);
        if (c === 0x7c) pipe = true;
        if (MARKUP.has(c) && ++markup > MAX_MARKUP)
          tooMuchMarkup(
            k,
            start,
            `${MAX_MARKUP.toLocaleString('en-GB')} of the characters [ ] & \` \\ ! < * _ |`,
          );
      }
      const c = text.charCodeAt(i);
      const item = listItem(text, i, end);
      // A list item, a heading and a table row hold their own text: a paragraph starts again.
      if (item || pipe || c === 0x23) {
        paragraphRuns = 0;
        paragraphReported = false;
      }
      if (!tooMuch && (pipe || c === 0x23 || c === 0x3e || item) && ++blocks > MAX_BLOCKS)
        tooMuchMarkup(
          i,
          start,
          `${MAX_BLOCKS.toLocaleString('en-GB')} headings, block-quote lines, list items and table rows`,
        );
    }
    // Fenced code: its text is not Markdown.
    const fenceMark = /^(`{3,}|~{3,})/.exec(text.slice(i, Math.min(end, i + 64)))?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = '';
      start = end + 1;
      continue;
    }
    if (fenceMark && columns < 4) {
      fence = fenceMark;
      start = end + 1;
      continue;
    }
    if (!tooDeep) {
      const found = nesting(text, i, end, columns);
      if (found) {
        tooDeep = true;
        problems.push({
          line,
          column: found.index - start + 1,
          rule: 'markdown/too-deep',
          message: `Block quotes and lists nested more than ${MAX_NESTING} deep; expected at most ${MAX_NESTING} levels (each ">" or list marker at the start of a line, and each two columns of indentation before them, is a level)`,
        });
      }
    }
    for (let k = i; k < end; k++) {
      const c = text.charCodeAt(k);
      // A run of "*" or "_" counts once; every "<" and "[" counts ("<" may start HTML or a
      // comment whose end micromark looks for through the rest of the paragraph; each link
      // makes it walk back over every "[" before it).
      if (c !== 0x3c && c !== 0x5b && ((c !== 0x2a && c !== 0x5f) || text.charCodeAt(k - 1) === c))
        continue;
      paragraphRuns++;
      bodyRuns++;
      if (paragraphRuns > MAX_RUNS_PER_PARAGRAPH && !paragraphReported) {
        paragraphReported = true;
        problems.push({
          line,
          column: k - start + 1,
          rule: 'markdown/delimiter-runs',
          message: `Found more than ${MAX_RUNS_PER_PARAGRAPH} runs of "*" or "_", "<" and "[" in one paragraph; expected at most ${MAX_RUNS_PER_PARAGRAPH} (micromark's time grows with the square of their number: split the paragraph)`,
        });
      }
      if (bodyRuns > MAX_RUNS_PER_BODY && !bodyReported) {
        bodyReported = true;
        problems.push({
          line,
          column: k - start + 1,
          rule: 'markdown/delimiter-runs',
          message: `Found more than ${MAX_RUNS_PER_BODY.toLocaleString('en-GB')} runs of "*" or "_", "<" and "[" in the body; expected at most ${MAX_RUNS_PER_BODY.toLocaleString('en-GB')}`,
        });
      }
    }
    start = end + 1;
  }
  return problems;
}

/**
 * Where the container markers at the start of a line (from `i`, after `columns` of
 * indentation) go past MAX_NESTING, or undefined.
 */
function nesting(
  text: string,
  i: number,
  end: number,
  columns: number,
): { index: number } | undefined {
  let depth = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    let next = -1;
    if (c === 0x3e)
      next = i + 1; // ">"
    else if (c === 0x2d || c === 0x2a || c === 0x2b) {
      // "-", "*", "+" followed by a space or the end of the line, unless the rest is a
      // thematic break ("- - -").
      const after = text.charCodeAt(i + 1);
      if ((i + 1 === end || isBlank(after)) && !thematicBreak(text, i, end, c)) next = i + 1;
    } else if (c >= 0x30 && c <= 0x39) {
      let k = i;
      while (k < end && k - i < 9 && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
      const mark = text.charCodeAt(k);
      if ((mark === 0x2e || mark === 0x29) && (k + 1 === end || isBlank(text.charCodeAt(k + 1))))
        next = k + 1;
    }
    if (next === -1) return undefined;
    if (depth === 0) depth += Math.floor(columns / 2);
    depth++;
    if (depth > MAX_NESTING) return { index: i };
    i = next;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
  }
  return undefined;
}

/** Whether the line text[i, end) starts a list item (after any block-quote markers). */
function listItem(text: string, i: number, end: number): boolean {
  while (i < end && (text.charCodeAt(i) === 0x3e || isBlank(text.charCodeAt(i)))) i++;
  const c = text.charCodeAt(i);
  if (c === 0x2d || c === 0x2a || c === 0x2b)
    return (i + 1 === end || isBlank(text.charCodeAt(i + 1))) && !thematicBreak(text, i, end, c);
  let k = i;
  while (k < end && k - i < 9 && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
  const mark = text.charCodeAt(k);
  return (
    k > i && (mark === 0x2e || mark === 0x29) && (k + 1 === end || isBlank(text.charCodeAt(k + 1)))
  );
}

/** Whether text[i, end) is a thematic break of `mark` (three or more, only spaces between). */
function thematicBreak(text: string, i: number, end: number, mark: number): boolean {
  let count = 0;
  for (let k = i; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === mark) count++;
    else if (!isBlank(c)) return false;
  }
  return count >= 3;
}
