import { ENCOUNTER_SETTINGS, SCREENING_CONSENT, SCREENING_LANGUAGES } from '../../contracts/screening.contract.ts';
import { COMMON_CITIZENSHIPS, EXPLOITATION_TYPES, GENDERS } from '../../reference/htcds.ts';
import { KZ_REGIONS } from '../../reference/regions.ts';
import type { IndicatorList, RuleConfig } from '../identification/indicator-list.ts';

/**
 * The screening form as field teams' own apps fill it (issue #14: ODK Collect, KoboCollect,
 * Enketo), built from the same indicator lists and rules the server evaluates with, so a form
 * can never ask what the server does not know. One definition, written out twice: as an XForm
 * (what OpenRosa clients download) and as an XLSForm workbook (what ODK Central or Kobo import).
 */

export type FormLanguage = 'kk' | 'ru' | 'en';
export const FORM_LANGUAGES: readonly FormLanguage[] = ['kk', 'ru', 'en'];
export type FormText = Record<FormLanguage, string>;

export interface FormChoice {
  name: string;
  label: FormText;
}

interface FieldBase {
  name: string;
  label: FormText;
  hint?: FormText;
  required?: boolean;
  /** An XPath in XLSForm's notation (`${field}` names another field): the field is asked only when it holds. */
  relevant?: string;
  constraint?: string;
  constraintMessage?: FormText;
}

export type FormField =
  | (FieldBase & { kind: 'input'; type: 'date' | 'int' | 'string' })
  | (FieldBase & { kind: 'select1' | 'select'; list: string })
  | (FieldBase & { kind: 'group'; children: FormField[] });

export interface ScreeningForm {
  id: string;
  /** Changes whenever a list or the rules change: a submission carries the version it was filled with. */
  version: string;
  title: FormText;
  fields: FormField[];
  choices: Record<string, FormChoice[]>;
}

export const SCREENING_FORM_ID = 'qorgau_screening';

/** Labels the form borrows from the web app's catalogs, in the three languages. */
export type LabelOf = (key: string, params?: Record<string, string | number>) => FormText;

/** The form's version: each list's id and version, and the rules', e.g. `short_form-1.ilo_ec_2009-1.rules-2`. */
export const screeningFormVersion = (lists: readonly IndicatorList[], rules: RuleConfig): string =>
  [...lists.map((l) => `${l.id}-${l.version}`), `rules-${rules.version}`].join('.');

/** Indicator ids are dotted (`short_form.debt_bondage`); an XML name may not hold every id character, so dots become `__`. */
export const indicatorFieldName = (id: string) => `i_${id.replaceAll('.', '__')}`;
export const indicatorIdOfField = (name: string) => (name.startsWith('i_') ? name.slice(2).replaceAll('__', '.') : null);
export const listFieldName = (listId: string, groupId?: string) => `observed_${listId}${groupId ? `__${groupId}` : ''}`.replaceAll('-', '_');

/** Another field in XLSForm's notation, `${name}`; the XForm writer turns it into the field's path. */
export const ref = (name: string) => `\${${name}}`;

const choicesOf = (values: readonly string[], label: (v: string) => FormText): FormChoice[] => values.map((v) => ({ name: v, label: label(v) }));

/** Who a list (or one of its groups) applies to, as an XPath over the answers. */
function appliesTo(a: { exploitation: 'all' | readonly string[]; population: string } | undefined, childAge: number): string | undefined {
  if (!a) return undefined;
  const parts: string[] = [];
  if (a.exploitation !== 'all') parts.push(`(${a.exploitation.map((e) => `selected(${ref('exploitation')}, '${e}')`).join(' or ')})`);
  // Age unknown counts as a child (presumption of minority, rules file `ageUnknown: child`).
  if (a.population === 'adult') parts.push(`(${ref('age_years')} != '' and ${ref('age_years')} >= ${childAge})`);
  if (a.population === 'child') parts.push(`(${ref('age_years')} = '' or ${ref('age_years')} < ${childAge})`);
  return parts.length ? parts.join(' and ') : undefined;
}

/** The indicator questions: one yes/no question per indicator that has its own question, else one multi-select per list or group. */
function indicatorFields(lists: readonly IndicatorList[], rules: RuleConfig): FormField[] {
  return lists.map((list) => {
    const asked = list.indicators.every((i) => i.question);
    const children: FormField[] = asked
      ? list.indicators.map((i) => ({
          kind: 'select1',
          name: indicatorFieldName(i.id),
          label: i.question as FormText,
          hint: i.labels as FormText,
          list: 'yes_no',
        }))
      : (list.groups?.length ? list.groups : [undefined]).map((g) => ({
          kind: 'select',
          name: listFieldName(list.id, g?.id),
          label: (g?.labels ?? list.title) as FormText,
          list: listFieldName(list.id, g?.id),
          relevant: appliesTo(g?.appliesTo as never, rules.childAgeYears),
        }));
    return {
      kind: 'group',
      name: `list_${list.id.replaceAll('-', '_')}`,
      label: list.title as FormText,
      relevant: appliesTo(list.appliesTo as never, rules.childAgeYears),
      children,
    };
  });
}

function indicatorChoices(lists: readonly IndicatorList[]): Record<string, FormChoice[]> {
  const out: Record<string, FormChoice[]> = {};
  for (const list of lists) {
    if (list.indicators.every((i) => i.question)) continue;
    for (const g of list.groups?.length ? list.groups : [undefined])
      out[listFieldName(list.id, g?.id)] = list.indicators
        .filter((i) => !g || i.group === g.id)
        .map((i) => ({ name: indicatorFieldName(i.id), label: i.labels as FormText }));
  }
  return out;
}

/**
 * The screening form for the lists and rules in force. `label` gives the web app's own wording
 * (settings, languages, regions, consent…), so the form reads as the web app does.
 */
export function buildScreeningForm(lists: readonly IndicatorList[], rules: RuleConfig, label: LabelOf): ScreeningForm {
  const child = rules.childAgeYears;
  const f = (key: string) => label(key);
  const notFuture = { constraint: '. <= today()', constraintMessage: f('validation.date_in_future') };
  return {
    id: SCREENING_FORM_ID,
    version: screeningFormVersion(lists, rules),
    title: f('screening.form.title'),
    choices: {
      yes_no: [
        { name: 'yes', label: f('openrosa.yes') },
        { name: 'no', label: f('openrosa.no') },
      ],
      region: KZ_REGIONS.map((r) => ({ name: r.code, label: { kk: r.name.kk, ru: r.name.ru, en: r.name.en } })),
      setting: choicesOf(ENCOUNTER_SETTINGS, (v) => f(`setting.${v}`)),
      language: choicesOf(SCREENING_LANGUAGES, (v) => f(`screeningLanguage.${v}`)),
      gender: choicesOf(GENDERS, (v) => f(`gender.${v}`)),
      citizenship: [...choicesOf(COMMON_CITIZENSHIPS, (v) => f(`countries.${v}`)), { name: 'other', label: f('openrosa.otherCountry') }],
      exploitation: choicesOf(EXPLOITATION_TYPES, (v) => f(`exploitation.${v}`)),
      consent: choicesOf(SCREENING_CONSENT, (v) => f(`screening.consent.${v}`)),
      ...indicatorChoices(lists),
    },
    fields: [
      {
        kind: 'group',
        name: 'encounter',
        label: f('screening.form.encounterSection'),
        children: [
          { kind: 'input', type: 'date', name: 'encounter_date', label: f('screening.fields.encounterDate'), required: true, ...notFuture },
          { kind: 'select1', name: 'region', label: f('screening.fields.region'), list: 'region', required: true },
          { kind: 'select1', name: 'setting', label: f('screening.fields.setting'), list: 'setting', required: true },
          { kind: 'select1', name: 'language', label: f('screening.fields.language'), list: 'language', required: true },
          { kind: 'select1', name: 'interpreter', label: f('screening.fields.interpreterUsed'), list: 'yes_no', required: true },
        ],
      },
      {
        kind: 'group',
        name: 'about',
        label: f('screening.form.personSection'),
        children: [
          {
            kind: 'input',
            type: 'int',
            name: 'age_years',
            label: f('screening.fields.age'),
            hint: f('openrosa.ageHint'),
            constraint: '. >= 0 and . <= 120',
            constraintMessage: f('openrosa.ageRange'),
          },
          { kind: 'select1', name: 'gender', label: f('screening.fields.gender'), list: 'gender', required: true },
          { kind: 'select1', name: 'citizenship', label: f('screening.fields.citizenship'), list: 'citizenship', required: true },
          {
            kind: 'input',
            type: 'string',
            name: 'citizenship_other',
            label: f('openrosa.citizenshipOther'),
            required: true,
            relevant: `${ref('citizenship')} = 'other'`,
          },
          {
            kind: 'select',
            name: 'exploitation',
            label: f('screening.fields.exploitationTypes'),
            hint: f('screening.form.exploitationHelp'),
            list: 'exploitation',
          },
        ],
      },
      {
        kind: 'group',
        name: 'indicators',
        label: f('screening.form.indicatorsSection'),
        hint: f('screening.form.indicatorsHelp'),
        children: indicatorFields(lists, rules),
      },
      {
        kind: 'select1',
        name: 'consent',
        label: f('screening.fields.consent'),
        list: 'consent',
        required: true,
        // A child, or a person of unknown age presumed one, is referred whatever she says (rules file).
        constraint: `. != 'declined' or (${ref('age_years')} != '' and ${ref('age_years')} >= ${child})`,
        constraintMessage: label('openrosa.childCannotDecline', { childAge: child }),
      },
      {
        kind: 'group',
        name: 'person',
        label: f('screening.form.identitySection'),
        relevant: `${ref('consent')} = 'identified'`,
        children: [
          { kind: 'input', type: 'string', name: 'first_name', label: f('persons.fields.firstName'), required: true },
          { kind: 'input', type: 'string', name: 'second_name', label: f('persons.fields.secondName'), required: true },
          { kind: 'input', type: 'string', name: 'middle_name', label: f('persons.fields.middleName') },
          { kind: 'input', type: 'date', name: 'birthdate', label: f('persons.fields.birthdate'), ...notFuture },
          { kind: 'input', type: 'string', name: 'mobile_phone', label: f('persons.fields.mobilePhone') },
        ],
      },
      { kind: 'input', type: 'string', name: 'narrative', label: f('screening.fields.narrative'), hint: f('screening.form.narrativeHelp') },
    ],
  };
}
