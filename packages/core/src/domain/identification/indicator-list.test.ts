import { describe, expect, it } from 'vitest';
import rulesJson from '../../../../../reference/indicators/rules.v2.json' with { type: 'json' };
import { parseIndicatorList, parseRuleConfig } from './indicator-list.ts';

const en = { en: 'Sign' };
const base = {
  id: 'x',
  version: '1',
  title: en,
  source: [{ id: 'T', citation: 'test' }],
  appliesTo: { exploitation: 'all', population: 'all' },
};
const issues = (r: { ok: boolean; issues?: unknown }): unknown => (r.ok ? [] : r.issues);

describe('parseIndicatorList', () => {
  it('lets a provisional list be English-only, but not a verified one', () => {
    const indicators = [{ id: 'x.a', labels: en, question: en, control: false }];
    expect(parseIndicatorList({ ...base, verification: 'provisional', indicators }).ok).toBe(true);
    expect(issues(parseIndicatorList({ ...base, verification: 'verified', indicators }))).toEqual([
      { path: 'indicators.0.labels.kk', code: 'translation_required', params: { lang: 'kk' } },
      { path: 'indicators.0.question.kk', code: 'translation_required', params: { lang: 'kk' } },
      { path: 'indicators.0.labels.ru', code: 'translation_required', params: { lang: 'ru' } },
      { path: 'indicators.0.question.ru', code: 'translation_required', params: { lang: 'ru' } },
    ]);
  });

  it('reports duplicates, grades without a dimension, unknown dimensions and groups, unknown keys', () => {
    const r = parseIndicatorList({
      ...base,
      verification: 'provisional',
      dimensions: [{ id: 'd1', labels: en }],
      indicators: [
        { id: 'x.a', labels: en, control: false, strength: 'strong' },
        { id: 'x.a', labels: en, control: false, dimension: 'd9', group: 'adult' },
        { id: 'x.b', labels: en, control: false, colour: 'red' },
      ],
    });
    expect(issues(r)).toEqual([
      { path: 'indicators.2', code: 'unrecognized_keys' },
      { path: 'indicators.1.id', code: 'duplicate_id', params: { id: 'x.a' } },
      { path: 'indicators.0.strength', code: 'strength_without_dimension' },
      { path: 'indicators.1.dimension', code: 'unknown_dimension', params: { id: 'd9' } },
      { path: 'indicators.1.group', code: 'unknown_group', params: { id: 'adult' } },
    ]);
  });
});

describe('parseRuleConfig', () => {
  const withAdult = (expression: string): unknown => ({
    ...rulesJson,
    adult: { ...rulesJson.adult, readings: [{ ...rulesJson.adult.readings[0]!, expression }] },
  });

  it('accepts the shipped rules', () => {
    expect(parseRuleConfig(rulesJson).ok).toBe(true);
  });

  it('refuses an expression naming an unknown dimension, pointing at the reading', () => {
    expect(issues(parseRuleConfig(withAdult('deceptive_recruitment AND coercion')))).toEqual([
      { path: 'adult.readings.0.expression', code: 'unknown_dimension', params: { position: 26, found: 'coercion' } },
    ]);
  });

  it('refuses a syntax error, an unknown active reading and an uncited source', () => {
    expect(issues(parseRuleConfig(withAdult('deceptive_recruitment AND')))).toEqual([
      { path: 'adult.readings.0.expression', code: 'rule_expression_syntax', params: { position: 25, found: 'end of expression' } },
    ]);
    const r = parseRuleConfig({ ...rulesJson, adult: { ...rulesJson.adult, active: 'c' }, child: { ...rulesJson.child, source: ['NOPE'] } });
    expect(issues(r)).toEqual([
      { path: 'adult.active', code: 'unknown_reading', params: { id: 'c' } },
      { path: 'child.source', code: 'unknown_source', params: { id: 'NOPE' } },
    ]);
  });
});
