import { describe, expect, it } from 'vitest';
import {
  worldLesson as lesson,
  library,
  worldNote as note,
  world,
} from '../../tests/helpers/library.ts';
import { eventRecord, lessonRecord, noteRecord, searchRecords } from './search-records.ts';

const filtersOf = (html: string) =>
  [...html.matchAll(/data-pagefind-filter="([^"]*)"/g)].map((m) => m[1]);

describe('search records', () => {
  const l = lesson('2024-03-01-radio', {
    summary: 'Talkgroups were not shared & commanders could not talk "across" agencies.',
    principles: ['communicate', 'co-ordinate'],
    models: ['methane'],
    risks: ['coastal-flooding'],
    command_levels: ['tactical'],
    organisations: ['fire-b'],
    tags: ['radio', 'airwave'],
    published: '2024-04-02',
  });
  // A title the schema refuses (it holds a tag), set after it: the index must escape it even so.
  l.data.title = 'Radio <b>talkgroups</b>';
  const lib = library({
    ...world,
    today: '2025-01-01',
    lessons: [l],
    notes: [note('2024-001', { lessons: [l.id] })],
  });

  it('gives each lesson its address, weighted title and summary, body, tags, date and filters in words', () => {
    const { url, html, date } = lessonRecord(lib.lessons[0]!, lib);
    expect(url).toBe('/lessons/2024-03-01-radio/');
    expect(html).toContain(
      '<h1 data-pagefind-weight="10">Radio &lt;b&gt;talkgroups&lt;/b&gt;</h1>',
    );
    expect(html).toContain(
      '<p data-pagefind-meta="summary" data-pagefind-weight="5">Talkgroups were not shared &amp; commanders could not talk &quot;across&quot; agencies.</p>',
    );
    expect(html).toContain('<p>Body</p>');
    expect(html).toContain('<p>radio, airwave</p>');
    // The date is shown with each result, and ordered by from a file of its own, not a Pagefind sort.
    expect(html).toContain('data-pagefind-meta="date:2024-04-02"');
    expect(html).not.toContain('data-pagefind-sort');
    expect(date).toBe('2024-04-02');
    expect(filtersOf(html)).toEqual([
      'Type:Lesson identified',
      'Principle:Communicate',
      'Principle:Co-ordinate',
      'Model:M/ETHANE',
      'Risk theme:Natural and environmental hazards',
      'Sector:Police',
      'Sector:Fire and rescue',
      'Organisation:Police A',
      'Organisation:Fire B',
      'Source:Exercise',
      'Year:2024',
      'Status:Identified',
      'Command level:Tactical (silver)',
    ]);
  });

  it('indexes only what a reader searches for: title, summary, tags and body, no page furniture', () => {
    const { html } = lessonRecord(lib.lessons[0]!, lib);
    const body = /<main[^>]*>([^]*)<\/main>/.exec(html)![1]!;
    const words = body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    expect(words).toBe(
      'Radio &lt;b&gt;talkgroups&lt;/b&gt; Talkgroups were not shared &amp; commanders could not talk &quot;across&quot; agencies. radio, airwave Body',
    );
  });

  it('never carries markup from the content outside the sanitised body', () => {
    const { html } = lessonRecord(lib.lessons[0]!, lib);
    expect(html).not.toContain('<b>');
  });

  it('indexes action notes with their recommendations and events with their type and organisations', () => {
    const n = noteRecord(lib.notes[0]!);
    expect(n.url).toBe('/action-notes/2024-001/');
    expect(n.date).toBe(lib.notes[0]!.data.issued);
    expect(n.html).toContain('<p>Do one thing.</p>');
    expect(filtersOf(n.html)).toEqual(['Type:Action note', 'Status:Open', 'Year:2024']);
    const e = eventRecord(lib.events[0]!, lib);
    expect(e.url).toBe('/events/2024-01-01-storm/');
    expect(filtersOf(e.html)).toEqual([
      'Type:Event',
      'Source:Incident',
      'Year:2024',
      'Organisation:Fire B',
      'Sector:Fire and rescue',
    ]);
  });

  it('lists every lesson, note and event once', () => {
    expect(searchRecords(lib).map((r) => r.url)).toEqual([
      '/lessons/2024-03-01-radio/',
      '/action-notes/2024-001/',
      '/events/2024-01-01-storm/',
    ]);
  });
});
