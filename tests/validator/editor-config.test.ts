/**
 * Editor wiring: the JSON Schemas on disk are exactly what the zod schemas generate, and the
 * remark configuration that editors load (.remarkrc.mjs) flags a bad frontmatter value inline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { remark } from 'remark';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../scripts/lib/json-schema.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');

describe('generated JSON Schemas', () => {
  it('are up to date in schemas/json/ (run npm run schemas)', () => {
    for (const [name, text] of jsonSchemaFiles()) {
      expect(fs.readFileSync(path.join(PROJECT, 'schemas', 'json', name), 'utf8'), name).toBe(text);
    }
  });

  it('carry the field descriptions and vocabularies', () => {
    const lesson = JSON.parse(jsonSchemaFiles().get('lesson.schema.json')!);
    expect(lesson.additionalProperties).toBe(false);
    expect(lesson.required).toEqual(
      expect.arrayContaining([
        'kind',
        'title',
        'summary',
        'date',
        'source',
        'submitted_by',
        'submitted',
        'criteria',
        'classification',
      ]),
    );
    expect(lesson.properties.principles.items.enum).toContain('jointly-understand-risk');
    expect(lesson.properties.risks.items.enum).toHaveLength(88);
    expect(lesson.properties.title.description).toMatch(/plain text/);
    expect(lesson.properties.date.format).toBe('date');
  });

  it('are wired to the record folders for VS Code', () => {
    const settings = JSON.parse(
      fs.readFileSync(path.join(PROJECT, '.vscode', 'settings.json'), 'utf8'),
    );
    for (const schema of Object.keys(settings['yaml.schemas']))
      expect(fs.existsSync(path.join(PROJECT, schema))).toBe(true);
  });
});

describe('.remarkrc.mjs (frontmatter checks in the editor)', () => {
  async function lint(relative: string, value: string) {
    const config = (await import(path.join(PROJECT, '.remarkrc.mjs'))).default as {
      plugins: unknown[];
    };
    const file = new VFile({ path: relative, cwd: PROJECT, value });
    const previous = process.cwd();
    process.chdir(PROJECT);
    try {
      await remark()
        .use(config as never)
        .process(file);
    } finally {
      process.chdir(previous);
    }
    return file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`);
  }

  it('flags an unknown enum value in a lesson', async () => {
    const bad = fs.readFileSync(
      path.join(
        PROJECT,
        'tests/fixtures/invalid/schema/enum/content/lessons/2017-05-22-methane-not-shared.md',
      ),
      'utf8',
    );
    const messages = await lint('content/lessons/2017-05-22-methane-not-shared.md', bad);
    expect(messages.join('\n')).toMatch(/source/);
  });

  it('accepts a valid sample lesson', async () => {
    const good = fs.readFileSync(
      path.join(PROJECT, 'tests/fixtures/valid/lessons/2017-05-22-methane-not-shared.md'),
      'utf8',
    );
    expect(await lint('content/lessons/2017-05-22-methane-not-shared.md', good)).toEqual([]);
  });
});
