/**
 * The interactive questions of `npm run new`: for every field not given as a flag, a prompt
 * chosen by the field's type — a list to pick from for a vocabulary, ticks for several terms,
 * yes/no for a boolean, text otherwise — with the schema's description as the message. The
 * prompt functions are passed in (@inquirer/prompts in the CLI).
 */
import type { Answers } from '../records/build-record.ts';
import { fieldsFor, type FieldSpec } from '../records/field-spec.ts';
import { recordKinds, sectionKey, type RecordKind } from '../records/record-kinds.ts';

export interface Choice {
  name: string;
  value: string;
  description?: string;
}

export interface Prompter {
  input(q: {
    message: string;
    required?: boolean;
    default?: string;
    validate?: (v: string) => boolean | string;
  }): Promise<string>;
  select(q: { message: string; choices: Choice[] }): Promise<string>;
  checkbox(q: { message: string; choices: Choice[]; required?: boolean }): Promise<string[]>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
}

const NONE = '';

function message(field: { name: string; description: string; required: boolean }): string {
  return `${field.name}${field.required ? '' : ' (optional)'} — ${field.description}`;
}

function checkText(field: FieldSpec): (v: string) => boolean | string {
  return (v) => {
    const text = v.trim();
    if (text === '') return field.required ? `${field.name} is required` : true;
    if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text))
      return 'Write the date as YYYY-MM-DD';
    if (field.pattern && !new RegExp(field.pattern).test(text))
      return `Expected a value matching ${field.pattern}`;
    if (field.minLength !== undefined && [...text].length < field.minLength)
      return `At least ${field.minLength} characters (now ${[...text].length})`;
    if (field.maxLength !== undefined && [...text].length > field.maxLength)
      return `At most ${field.maxLength} characters (now ${[...text].length})`;
    return true;
  };
}

async function askField(field: FieldSpec, p: Prompter, prefix = ''): Promise<unknown> {
  if (prefix) field = { ...field, name: `${prefix}.${field.name}` };
  const choices = (): Choice[] =>
    field.vocabulary!.terms.map((t) => ({
      name: t.name === t.id ? t.id : `${t.name} (${t.id})`,
      value: t.id,
      description: t.description,
    }));
  switch (field.type) {
    case 'choice': {
      const value = await p.select({
        message: message(field),
        choices: field.required ? choices() : [{ name: '(none)', value: NONE }, ...choices()],
      });
      return value === NONE ? undefined : value;
    }
    case 'choices':
      return p.checkbox({ message: message(field), choices: choices(), required: field.required });
    case 'boolean':
      return p.confirm({ message: message(field), default: field.default === true });
    case 'list':
      return p.input({
        message: `${message(field)} (separate with commas)`,
        required: field.required,
      });
    case 'objects': {
      const items: Answers[] = [];
      const itemName = field.name.replace(/s$/, '');
      while (
        await p.confirm({
          message: `Add ${items.length ? 'another' : 'a'} ${itemName}? — ${field.description}`,
          default: field.required && items.length === 0,
        })
      ) {
        const item: Answers = {};
        for (const sub of field.items ?? []) {
          if (field.name === 'recommendations' && sub.name === 'id') {
            item.id = `R${items.length + 1}`;
            continue;
          }
          const v = await askField(sub, p, itemName);
          if (v !== undefined && v !== '') item[sub.name] = v;
        }
        items.push(item);
      }
      return items;
    }
    default:
      return p.input({
        message: message(field),
        required: field.required,
        validate: checkText(field),
      });
  }
}

/** Asks every question whose answer is not given yet; returns all answers. */
export async function ask(kind: RecordKind, given: Answers, p: Prompter): Promise<Answers> {
  const spec = recordKinds[kind];
  const answers: Answers = { ...given };
  for (const l of spec.locators) {
    if (answers[l.name] !== undefined) continue;
    answers[l.name] = await p.input({
      message: message(l),
      required: l.required,
      validate: (v) =>
        v.trim() === ''
          ? l.required
            ? `${l.name} is required`
            : true
          : l.pattern.test(v.trim()) || `Expected a value matching ${l.pattern.source}`,
    });
  }
  for (const field of fieldsFor(kind)) {
    if (answers[field.name] !== undefined) continue;
    answers[field.name] = await askField(field, p);
  }
  for (const section of spec.sections) {
    const key = sectionKey(section);
    if (answers[key] === undefined)
      answers[key] = await p.input({
        message: `## ${section} (the text of this section)`,
        required: true,
      });
  }
  return answers;
}
