import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import iloEcJson from '../../../../../reference/indicators/ilo-ec-2009.v1.json' with { type: 'json' };
import rulesJson from '../../../../../reference/indicators/rules.v2.json' with { type: 'json' };
import shortFormJson from '../../../../../reference/indicators/short-form.v1.json' with { type: 'json' };
import { type IndicatorList, parseIndicatorList, parseRuleConfig, type RuleConfig } from '../identification/indicator-list.ts';
import { buildScreeningForm, indicatorFieldName, indicatorIdOfField, type LabelOf } from './screening-form.ts';
import { screeningFromSubmission } from './submission.ts';
import { filledInstance, toXForm } from './xform.ts';
import { toXlsFormSheets } from './xlsform.ts';

function load<T>(parsed: { ok: true; value: T } | { ok: false; issues: unknown }): T {
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}
const lists: IndicatorList[] = [load(parseIndicatorList(shortFormJson)), load(parseIndicatorList(iloEcJson))];
const rules: RuleConfig = load(parseRuleConfig(rulesJson));
const label: LabelOf = (key) => ({ kk: `kk:${key}`, ru: `ru:${key}`, en: `en:${key}` });
const form = buildScreeningForm(lists, rules, label);
const known = new Set(lists.flatMap((l) => l.indicators.map((i) => i.id)));

describe('the screening form (XForm and XLSForm)', () => {
  it('is a well-formed XForm naming its lists and rules versions, with every reference resolved', () => {
    const xml = toXForm(form);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(form.version).toBe('short_form-1.ilo_ec_2009-1.rules-2');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const data = doc['h:html']['h:head'].model.instance.data;
    expect(data['@_id']).toBe('qorgau_screening');
    expect(data['@_version']).toBe(form.version);
    expect(xml).not.toContain('${');
    expect(xml).toContain('jr:preload="uid"');
    // The child rule's age comes from the rules file, not from the code.
    expect(xml).toContain(`/data/about/age_years &gt;= ${rules.childAgeYears}`);
    for (const lang of ['Қазақша (kk)', 'Русский (ru)', 'English (en)']) expect(xml).toContain(`lang="${lang}"`);
  });

  it('asks every indicator of every list in force, once', () => {
    const xml = toXForm(form);
    for (const id of known) expect(xml.split(`>${indicatorFieldName(id)}<`).length + xml.split(`<${indicatorFieldName(id)}/>`).length - 2, id).toBe(1);
  });

  it('field names map back to indicator ids (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...known), (id) => {
        expect(indicatorIdOfField(indicatorFieldName(id))).toBe(id);
      }),
    );
  });

  it('the XLSForm has the same questions, choices and settings', () => {
    const sheets = toXlsFormSheets(form);
    expect(sheets.survey[0]?.slice(0, 3)).toEqual(['type', 'name', 'label::Қазақша (kk)']);
    expect(sheets.survey.filter((r) => r[0] === 'begin_group').length).toBe(sheets.survey.filter((r) => r[0] === 'end_group').length);
    expect(sheets.settings[1]).toEqual(['kk:screening.form.title', 'qorgau_screening', form.version, 'Қазақша (kk)']);
    const lists = new Set(sheets.choices.slice(1).map((r) => r[0]));
    for (const r of sheets.survey.filter((r) => /^select_/.test(r[0] ?? ''))) expect(lists.has((r[0] as string).split(' ')[1] as string), r[0]).toBe(true);
  });
});

describe('a submitted instance', () => {
  const base = new Map([
    ['encounter_date', '2026-11-20'],
    ['region', 'KZ-61'],
    ['setting', 'farm'],
    ['language', 'uz'],
    ['interpreter', 'yes'],
    ['age_years', '34'],
    ['gender', 'Masculine'],
    ['citizenship', 'other'],
    ['citizenship_other', 'UZB'],
    ['exploitation', 'ForcedLabour'],
    ['i_short_form__documents_withheld', 'yes'],
    ['i_short_form__abuse_of_vulnerability', 'no'],
    ['observed_ilo_ec_2009__adult_labour', 'i_ilo_ec_2009__adult_labour__d1__deceived_nature_of_job_location_employer i_ilo_ec_2009__gone'],
    ['consent', 'identified'],
    ['first_name', 'Rustam'],
    ['second_name', 'Karimov'],
    ['mobile_phone', '+998 90 123-45-67'],
  ]);

  it('reads as the web app body: citizenship by alpha-3, yes answers and multi-select choices as indicators, an unknown indicator set aside', () => {
    const r = screeningFromSubmission(base, known);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body).toMatchObject({ citizenship: 'UZ', interpreterUsed: true, ageYears: 34, person: { firstName: 'Rustam', mobilePhone: '+998901234567' } });
    expect(r.body.observed).toContain('ilo_ec_2009.adult_labour.d1.deceived_nature_of_job_location_employer');
    expect(r.body.observed).toContain('short_form.documents_withheld');
    expect(r.body.observed).not.toContain('short_form.abuse_of_vulnerability');
    expect(r.unknownIndicators).toContain('ilo_ec_2009.gone');
  });

  it('names the form field of what is missing or wrong', () => {
    const bad = new Map(base);
    bad.delete('first_name');
    bad.set('region', 'KZ-99');
    const r = screeningFromSubmission(bad, known);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field).sort()).toEqual(['first_name', 'region']);
  });

  it('a filled instance nests its values as the form does, escapes them, leaves the rest empty and refuses a field the form lacks', () => {
    const xml = filledInstance(form, { region: 'KZ-61', age_years: '34', i_short_form__documents_withheld: 'yes', narrative: 'A & B <c>' }, 'uuid:1');
    expect(XMLValidator.validate(xml)).toBe(true);
    const data = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml).data;
    expect(data['@_id']).toBe(form.id);
    expect(data['@_version']).toBe(form.version);
    expect(data.encounter.region).toBe('KZ-61');
    expect(data.about.age_years).toBe('34');
    expect(data.indicators.list_short_form.i_short_form__documents_withheld).toBe('yes');
    expect(data.narrative).toBe('A & B <c>');
    expect(data.person.first_name).toBe('');
    expect(data.meta.instanceID).toBe('uuid:1');
    // The same elements as the XForm's blank instance, in the same order.
    const shape = (s: string) => [...s.matchAll(/<([a-z_0-9]+)[ />]/g)].map((m) => m[1]);
    const blank = /<instance>(.*)<\/instance>/s.exec(toXForm(form))?.[1] ?? '';
    expect(shape(xml.replace(/^<\?xml[^>]*>/, ''))).toEqual(shape(blank));
    expect(() => filledInstance(form, { regoin: 'KZ-61' }, 'uuid:2')).toThrow(/regoin/);
  });
});
