import { FORM_LANGUAGES, type FormField, type FormLanguage, type FormText, type ScreeningForm } from './screening-form.ts';

/**
 * The same form as an XLSForm (the spreadsheet ODK Central, KoboToolbox and pyxform read):
 * sheets `survey`, `choices` and `settings`, with a column per language (`label::Қазақша (kk)`).
 * Expressions keep XLSForm's own `${field}` notation.
 */

const LANGUAGE_COLUMN: Record<FormLanguage, string> = { kk: 'Қазақша (kk)', ru: 'Русский (ru)', en: 'English (en)' };
const perLanguage = (column: string) => FORM_LANGUAGES.map((l) => `${column}::${LANGUAGE_COLUMN[l]}`);
const texts = (t: FormText | undefined) => FORM_LANGUAGES.map((l) => t?.[l] ?? '');

export interface XlsFormSheets {
  survey: string[][];
  choices: string[][];
  settings: string[][];
}

const SURVEY_HEADER = [
  'type',
  'name',
  ...perLanguage('label'),
  ...perLanguage('hint'),
  'required',
  'relevant',
  'constraint',
  ...perLanguage('constraint_message'),
];

function surveyRows(fields: readonly FormField[]): string[][] {
  return fields.flatMap((f) => {
    const common = (type: string) => [
      type,
      f.name,
      ...texts(f.label),
      ...texts(f.hint),
      f.required ? 'yes' : '',
      f.relevant ?? '',
      f.constraint ?? '',
      ...texts(f.constraintMessage),
    ];
    if (f.kind === 'group') return [common('begin_group'), ...surveyRows(f.children), ['end_group', f.name, ...SURVEY_HEADER.slice(2).map(() => '')]];
    if (f.kind === 'input') return [common(f.type === 'int' ? 'integer' : f.type === 'string' ? 'text' : 'date')];
    return [common(`${f.kind === 'select1' ? 'select_one' : 'select_multiple'} ${f.list}`)];
  });
}

export function toXlsFormSheets(form: ScreeningForm): XlsFormSheets {
  return {
    survey: [SURVEY_HEADER, ...surveyRows(form.fields)],
    choices: [
      ['list_name', 'name', ...perLanguage('label')],
      ...Object.entries(form.choices).flatMap(([list, cs]) => cs.map((c) => [list, c.name, ...texts(c.label)])),
    ],
    settings: [
      ['form_title', 'form_id', 'version', 'default_language'],
      [form.title.kk, form.id, form.version, LANGUAGE_COLUMN.kk],
    ],
  };
}
