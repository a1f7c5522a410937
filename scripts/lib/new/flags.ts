/**
 * Command-line flags of `npm run new`, derived from the same questions as the prompts: each
 * field is a `--kebab-case` flag (lists may repeat the flag or use commas), each body section is
 * `--what-happened` and so on, and the small lists have one flag per item:
 *   --recommendation "text | YYYY-MM-DD"   (action note; ids R1, R2 … in order; due optional)
 *   --debrief "type YYYY-MM-DD"            (event)
 *   --return "R1: state: evidence"         (assurance return; evidence optional)
 */
import { parseArgs } from 'node:util';
import type { Answers } from '../records/build-record.ts';
import { fieldsFor, type FieldSpec } from '../records/field-spec.ts';
import { recordKinds, sectionKey, type RecordKind } from '../records/record-kinds.ts';

export const kebab = (name: string) => name.replace(/_/g, '-');

/** The flag of each object-list field and how one flag value becomes one item. */
const ITEM_FLAGS: Record<
  string,
  { flag: string; parse: (value: string, index: number) => Answers }
> = {
  recommendations: {
    flag: 'recommendation',
    parse: (value, index) => {
      const [text, due] = value.split('|').map((s) => s.trim());
      return { id: `R${index + 1}`, text, ...(due ? { due } : {}) };
    },
  },
  debriefs: {
    flag: 'debrief',
    parse: (value) => {
      const m = /^\s*(\S+)[\s:]+(\S+)\s*$/.exec(value);
      return m ? { type: m[1], date: m[2] } : { type: value };
    },
  },
  returns: {
    flag: 'return',
    parse: (value) => {
      const [recommendation, state, ...evidence] = value.split(':');
      return {
        recommendation: recommendation?.trim(),
        state: state?.trim(),
        ...(evidence.length ? { evidence: evidence.join(':').trim() } : {}),
      };
    },
  },
};

export function flagName(field: FieldSpec): string {
  return field.type === 'objects'
    ? (ITEM_FLAGS[field.name]?.flag ?? kebab(field.name))
    : kebab(field.name);
}

export interface ParsedFlags {
  answers: Answers;
  /** --yes: never prompt. */
  yes: boolean;
  help: boolean;
}

export function parseFlags(kind: RecordKind, argv: readonly string[]): ParsedFlags {
  const spec = recordKinds[kind];
  const fields = fieldsFor(kind);
  const options: Record<
    string,
    { type: 'string' | 'boolean'; multiple?: boolean; short?: string }
  > = {
    yes: { type: 'boolean', short: 'y' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const f of fields)
    options[flagName(f)] = {
      type: 'string',
      multiple: f.type === 'list' || f.type === 'choices' || f.type === 'objects',
    };
  for (const l of spec.locators) options[kebab(l.name)] = { type: 'string' };
  for (const s of spec.sections)
    options[sectionKey(s).replace(/^section-/, '')] = { type: 'string' };
  const { values } = parseArgs({ args: [...argv], options, allowPositionals: false, strict: true });
  const answers: Answers = {};
  for (const f of fields) {
    const v = values[flagName(f)];
    if (v === undefined) continue;
    if (f.type === 'objects') {
      const item = ITEM_FLAGS[f.name];
      answers[f.name] = (v as string[]).map((s, i) => (item ? item.parse(s, i) : s));
    } else if (Array.isArray(v))
      answers[f.name] = (v as string[])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
    else answers[f.name] = v;
  }
  for (const l of spec.locators)
    if (values[kebab(l.name)] !== undefined) answers[l.name] = values[kebab(l.name)];
  for (const s of spec.sections) {
    const v = values[sectionKey(s).replace(/^section-/, '')];
    if (v !== undefined) answers[sectionKey(s)] = v;
  }
  return { answers, yes: values.yes === true, help: values.help === true };
}

export function flagsHelp(kind: RecordKind): string {
  const spec = recordKinds[kind];
  const lines = [`Flags for ${kind} (${spec.collection}/):`];
  for (const l of spec.locators)
    lines.push(`  --${kebab(l.name)}${l.required ? ' (required)' : ''}  ${l.description}`);
  for (const f of fieldsFor(kind)) {
    const choices = f.vocabulary
      ? ` One${f.type === 'choices' ? ' or more' : ''} of: ${f.vocabulary.ids.join(', ')}.`
      : '';
    const repeat =
      f.type === 'list' || f.type === 'choices'
        ? ' Repeat the flag or separate with commas.'
        : f.type === 'objects'
          ? ' Repeat for each item.'
          : '';
    const bool = f.type === 'boolean' ? ' yes or no.' : '';
    lines.push(
      `  --${flagName(f)}${f.required ? ' (required)' : ''}  ${f.description}${choices}${bool}${repeat}`,
    );
  }
  for (const s of spec.sections)
    lines.push(`  --${sectionKey(s).replace(/^section-/, '')} (required)  The "## ${s}" section.`);
  return lines.join('\n');
}
