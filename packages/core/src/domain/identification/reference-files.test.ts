import { describe, expect, it } from 'vitest';
// The shipped files, imported as JSON (resolveJsonModule; vite reads them at test time), so the
// core itself never touches the file system.
import iloEcJson from '../../../../../reference/indicators/ilo-ec-2009.v1.json' with { type: 'json' };
import rulesJson from '../../../../../reference/indicators/rules.v2.json' with { type: 'json' };
import shortFormJson from '../../../../../reference/indicators/short-form.v1.json' with { type: 'json' };
import { HTCDS_METHOD_OF_CONTROL_VALUES, ILO_FORCED_LABOUR_INDICATORS } from './crosswalk.ts';
import { checkReferenceSet, parseIndicatorList, parseRuleConfig, type IndicatorList, type RuleConfig } from './indicator-list.ts';
import { evaluateScreening } from './screening.ts';

function load<T>(parsed: { ok: true; value: T } | { ok: false; issues: unknown }): T {
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.value;
}

const shortForm: IndicatorList = load(parseIndicatorList(shortFormJson));
const iloEc: IndicatorList = load(parseIndicatorList(iloEcJson));
const rules: RuleConfig = load(parseRuleConfig(rulesJson));

describe('reference/indicators', () => {
  it('all three files validate and fit together', () => {
    expect(checkReferenceSet([shortForm, iloEc], rules)).toEqual([]);
  });

  it('the short form is verified, for every form of exploitation, in kk/ru/en with questions', () => {
    expect(shortForm.verification).toBe('verified');
    expect(shortForm.appliesTo).toEqual({ exploitation: 'all', population: 'all' });
    for (const ind of shortForm.indicators) {
      expect(ind.question?.kk && ind.question.ru && ind.question.en, ind.id).toBeTruthy();
      expect(ind.strength, `${ind.id} is ungraded`).toBeUndefined();
    }
  });

  it('the short form covers all eleven ILO indicators and every HTCDS method of control', () => {
    const ilo = new Set(shortForm.indicators.map((i) => i.crosswalk?.iloForcedLabour));
    expect(ILO_FORCED_LABOUR_INDICATORS.filter((x) => !ilo.has(x))).toEqual([]);
    const htcds = new Set(shortForm.indicators.flatMap((i) => i.crosswalk?.htcdsMethodsOfControl ?? []));
    expect(HTCDS_METHOD_OF_CONTROL_VALUES.filter((x) => !htcds.has(x))).toEqual([]);
    // HTCDS's defective 'DebtBondage ' (trailing space) is refused, so it cannot creep back in.
    const defective = JSON.parse(JSON.stringify(shortFormJson)) as { indicators: { crosswalk?: { htcdsMethodsOfControl?: string[] } }[] };
    const debt = defective.indicators.find((i) => i.crosswalk?.htcdsMethodsOfControl?.includes('DebtBondage'));
    debt!.crosswalk!.htcdsMethodsOfControl = ['DebtBondage '];
    expect(parseIndicatorList(defective).ok).toBe(false);
  });

  it('the short-form indicators of control are the DOMAIN.md §3 set', () => {
    const control = shortForm.indicators.filter((i) => i.control).map((i) => i.crosswalk?.iloForcedLabour);
    expect(new Set(control)).toEqual(
      new Set([
        'restriction_of_movement',
        'isolation',
        'physical_and_sexual_violence',
        'intimidation_and_threats',
        'retention_of_identity_documents',
        'debt_bondage',
      ]),
    );
  });

  it('the ILO/EC file is provisional, keeps the load policy, and matches the source counts', () => {
    expect(iloEc.verification).toBe('provisional');
    expect(iloEc.loadPolicy).toMatch(/must not drive any protection decision/);
    // Per-dimension strong/medium/weak counts from ilo-ec-indicators-provisional.json `counts`.
    const expected = {
      adult_labour: { D1: [1, 8, 1], D2: [1, 9, 0], D3: [0, 12, 4], D4: [1, 7, 1], D5: [4, 10, 1], D6: [0, 5, 2] },
      child_labour: { D1: [2, 8, 0], D2: [4, 6, 0], D3: [0, 15, 0], D4: [1, 7, 0], D5: [8, 7, 0], D6: [0, 7, 0] },
    };
    const code = new Map(rules.dimensions.map((d) => [d.id, d.code]));
    for (const [group, dims] of Object.entries(expected)) {
      for (const [d, counts] of Object.entries(dims)) {
        const inds = iloEc.indicators.filter((i) => i.group === group && code.get(i.dimension ?? '') === d);
        const got = (['strong', 'medium', 'weak'] as const).map((s) => inds.filter((i) => i.strength === s).length);
        expect(got, `${group} ${d}`).toEqual(counts);
      }
    }
    expect(iloEc.indicators.filter((i) => i.group === 'adult_labour')).toHaveLength(67);
    expect(iloEc.indicators.filter((i) => i.group === 'child_labour')).toHaveLength(65);
  });

  it('the rules default to reading (a), keep (b), and use 18 as the child age', () => {
    expect(rules.adult.active).toBe('a');
    expect(rules.adult.readings.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rules.childAgeYears).toBe(18);
    expect(rules.verification).toBe('provisional');
  });

  it('screens with the shipped files: a control indicator refers, provisional-only results say so', () => {
    const lists = [shortForm, iloEc];
    const control = evaluateScreening({ observed: ['short_form.documents_withheld'], ageYears: 30, lists, rules });
    expect(control).toMatchObject({ level: 'refer', provisional: false, reasons: ['control_indicator', 'indicators_present'] });

    // Adult ILO/EC list meeting reading (a) on provisional grades alone: refer, flagged.
    const observed = [
      'ilo_ec_2009.adult_labour.d1.deceived_nature_of_job_location_employer',
      'ilo_ec_2009.adult_labour.d1.deceived_conditions_of_work',
      'ilo_ec_2009.adult_labour.d4.excessive_working_days_or_hours',
      'ilo_ec_2009.adult_labour.d4.hazardous_work',
      'ilo_ec_2009.adult_labour.d5.confiscation_of_documents',
      'ilo_ec_2009.adult_labour.d5.debt_bondage',
    ];
    const r = evaluateScreening({ observed, ageYears: 30, lists, rules });
    expect(r.positiveDimensions).toEqual(['deceptive_recruitment', 'exploitative_conditions', 'coercion_at_destination']);
    expect(r).toMatchObject({ level: 'refer', provisional: true, provisionalRuleMet: true, ruleApplied: 'adult' });
  });
});
