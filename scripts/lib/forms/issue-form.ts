/**
 * GitHub issue forms (.github/ISSUE_TEMPLATE/*.yml) generated from the zod schemas: one form per
 * record kind a SPOC can submit without Git. Each field's label, help text, choices and whether
 * it is required come from field-spec.ts; organisations come from content/organisations so SPOCs
 * pick rather than type them. Element ids are the schema's field names, so the bot reads answers
 * back by id (read-form.ts).
 */
import { stringify } from 'yaml';
import type { Term } from '../../../schemas/vocabularies.ts';
import type { JolConfig } from '../config/jol-config.ts';
import { fieldsFor, type FieldSpec } from '../records/field-spec.ts';
import { recordKinds, sectionKey, type RecordKind } from '../records/record-kinds.ts';

/** The record kinds that have an issue form. */
export const FORM_KINDS = [
  'lesson',
  'notable-practice',
  'assurance-return',
] as const satisfies readonly RecordKind[];
export type FormKind = (typeof FORM_KINDS)[number];

/** Fields the bot fills in itself (the date the issue is turned into a pull request). */
export const AUTOFILLED: Record<string, readonly string[]> = {
  lesson: ['submitted'],
  'notable-practice': ['submitted'],
  'assurance-return': ['updated'],
};

/** Fields whose answer is an organisation id: offered as a dropdown of the organisations in the content. */
export const ORGANISATION_FIELDS: ReadonlySet<string> = new Set([
  'submitted_by',
  'organisations',
  'organisation',
]);

/** Choices with more options than this become a multi-select dropdown instead of checkboxes. */
const CHECKBOX_LIMIT = 10;

export const NO_RETURN = 'No return yet';
export const CONFIRM_ID = 'confirm';

type Element = Record<string, unknown>;

/** "Name (id)": readable, and the id can be read back even when the name holds commas. */
export const optionLabel = (t: Term) => (t.name === t.id ? t.id : `${t.name} (${t.id})`);

const HEADINGS: Record<string, string> = {
  submitted_by: 'Submitting organisation',
  command_levels: 'Command levels',
  major_incident_declared: 'Major incident declared',
  report_back_by: 'Report back by',
  action_note: 'Action note',
};

/** A field's label in the form (also the heading GitHub writes in the issue body). */
export function labelOf(name: string): string {
  return HEADINGS[name] ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');
}

function help(field: { description: string; pattern?: string }, extra = ''): string {
  return [field.description, extra].filter(Boolean).join(' ');
}

function element(field: FieldSpec, organisations: readonly Term[]): Element {
  const label = labelOf(field.name);
  const validations = { required: field.required };
  if (ORGANISATION_FIELDS.has(field.name) && organisations.length > 0) {
    const multiple = field.type === 'list';
    return {
      type: 'dropdown',
      id: field.name,
      attributes: {
        label,
        description: help(field),
        multiple,
        options: organisations.map(optionLabel),
      },
      validations,
    };
  }
  switch (field.type) {
    case 'text':
    case 'date':
      return {
        type: 'input',
        id: field.name,
        attributes: {
          label,
          description: help(field),
          ...(field.type === 'date' ? { placeholder: 'YYYY-MM-DD' } : {}),
        },
        validations,
      };
    case 'long-text':
      return {
        type: 'textarea',
        id: field.name,
        attributes: { label, description: help(field) },
        validations,
      };
    case 'list':
      return {
        type: 'textarea',
        id: field.name,
        attributes: { label, description: help(field, 'One per line.') },
        validations,
      };
    case 'boolean':
      return {
        type: 'dropdown',
        id: field.name,
        attributes: { label, description: help(field), options: ['No', 'Yes'], default: 0 },
        validations: { required: true },
      };
    case 'choice':
      return {
        type: 'dropdown',
        id: field.name,
        attributes: {
          label,
          description: help(field),
          options: field.vocabulary!.terms.map(optionLabel),
        },
        validations,
      };
    case 'choices':
      if (field.vocabulary!.terms.length <= CHECKBOX_LIMIT) {
        return {
          type: 'checkboxes',
          id: field.name,
          attributes: {
            label,
            description: help(field, field.required ? 'Tick at least one.' : ''),
            options: field.vocabulary!.terms.map((t) => ({ label: optionLabel(t) })),
          },
        };
      }
      return {
        type: 'dropdown',
        id: field.name,
        attributes: {
          label,
          description: help(field, 'Pick as many as apply.'),
          multiple: true,
          options: field.vocabulary!.terms.map(optionLabel),
        },
        validations,
      };
    case 'objects':
      throw new Error(`No issue-form element for the list field ${field.name}`);
  }
}

/** The assurance return's `returns`: one state dropdown and one evidence box per recommendation slot. */
function returnSlots(field: FieldSpec, slots: number): Element[] {
  const state = field.items!.find((f) => f.name === 'state')!;
  const evidence = field.items!.find((f) => f.name === 'evidence')!;
  const out: Element[] = [];
  for (let i = 1; i <= slots; i++) {
    out.push(
      {
        type: 'dropdown',
        id: `R${i}-state`,
        attributes: {
          label: `R${i} state`,
          description: `Recommendation R${i}: ${state.description}`,
          options: [NO_RETURN, ...state.vocabulary!.terms.map(optionLabel)],
          default: 0,
        },
        validations: { required: false },
      },
      {
        type: 'textarea',
        id: `R${i}-evidence`,
        attributes: { label: `R${i} evidence`, description: evidence.description },
        validations: { required: false },
      },
    );
  }
  return out;
}

const INTRO: Record<FormKind, string> = {
  lesson:
    'Use this form to submit a **lesson identified**: something that went wrong or could have gone better in joint working, and should be put right.',
  'notable-practice':
    'Use this form to submit a **notable practice**: something that worked well in joint working and that others could adopt.',
  'assurance-return':
    "Use this form to report your organisation's progress on the recommendations of an **action note**. Fill in one state (and evidence where asked) for each recommendation you report on.",
};

const WHAT_NOT_WHO =
  'Learning is about **what** and **why**, not **who**: do not name or identify any person (no names, job titles with names, emails, phone numbers, collar numbers or vehicle registrations). ' +
  'When you submit, a bot checks the answers and opens a pull request for review, or comments here with what to fix. To fix a problem, edit this issue: the bot runs again.';

export interface FormContext {
  organisations: readonly Term[];
  config: JolConfig;
}

/** The issue form of a record kind, as a plain object. */
export function issueForm(kind: FormKind, context: FormContext): Record<string, unknown> {
  const spec = recordKinds[kind];
  const { config } = context;
  const autofilled = new Set(AUTOFILLED[kind]);
  const body: Element[] = [
    { type: 'markdown', attributes: { value: `${INTRO[kind]}\n\n${WHAT_NOT_WHO}` } },
  ];
  for (const locator of spec.locators) {
    const asField: FieldSpec = {
      name: locator.name,
      type: 'text',
      required: locator.required,
      description: locator.description,
      pattern: locator.pattern.source,
    };
    body.push(element(asField, context.organisations));
  }
  for (const field of fieldsFor(kind)) {
    if (autofilled.has(field.name)) continue;
    if (field.type === 'objects') body.push(...returnSlots(field, config.assuranceFormSlots));
    else body.push(element(field, context.organisations));
  }
  for (const section of spec.sections) {
    body.push({
      type: 'textarea',
      id: sectionKey(section),
      attributes: {
        label: section,
        description: `The "${section}" section of the ${spec.title}, in plain text or Markdown (no HTML).`,
      },
      validations: { required: true },
    });
  }
  body.push({
    type: 'checkboxes',
    id: CONFIRM_ID,
    attributes: {
      label: 'Before you submit',
      options: [
        {
          label: 'It names no person and holds no personal data (what and why, not who).',
          required: true,
        },
        {
          label: 'The classification is right, and nothing OFFICIAL-SENSITIVE is marked public.',
          required: true,
        },
        ...(kind === 'assurance-return'
          ? []
          : [
              {
                label: 'It meets at least one JOL submission criterion ticked above.',
                required: true,
              },
            ]),
      ],
    },
  });
  return {
    name:
      kind === 'assurance-return'
        ? 'Assurance return'
        : kind === 'lesson'
          ? 'Lesson identified'
          : 'Notable practice',
    description: `Submit ${kind === 'assurance-return' ? 'an assurance return on an action note' : `a ${spec.title}`} without using Git.`,
    title: `[${kind === 'assurance-return' ? 'Assurance return' : kind === 'lesson' ? 'Lesson' : 'Notable practice'}]: `,
    labels: [config.labels.submission.name, config.labels[kind].name],
    body,
  };
}

const HEADER =
  '# Generated from the zod schemas in schemas/ by `npm run forms`; do not edit by hand.\n# CI fails when this file is out of date (`npm run forms -- --check`).\n';

export function formText(form: Record<string, unknown>): string {
  return `${HEADER}${stringify(form, { lineWidth: 0 })}`;
}

/** Every generated file under .github/ISSUE_TEMPLATE, by repository-relative path. */
export function issueFormFiles(context: FormContext): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of FORM_KINDS)
    files.set(`.github/ISSUE_TEMPLATE/${kind}.yml`, formText(issueForm(kind, context)));
  files.set(
    '.github/ISSUE_TEMPLATE/config.yml',
    `${HEADER}${stringify(
      {
        blank_issues_enabled: false,
        contact_links: [
          {
            name: 'JOL Library (public edition)',
            url: context.config.siteUrl,
            about: 'Search published lessons before you submit, to avoid duplicates.',
          },
        ],
      },
      { lineWidth: 0 },
    )}`,
  );
  return files;
}
