import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dimensionsIn, evaluateRule, formatRule, isMonotone, parseRuleExpression, type RuleAst } from './rule-expression.ts';

const DIMS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];

function ast(src: string): RuleAst {
  const r = parseRuleExpression(src, DIMS);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.ast;
}
const holds = (src: string, positive: string[]): boolean => evaluateRule(ast(src), new Set(positive));

describe('rule expressions', () => {
  it('parses the two adult readings and the child rule of DOMAIN.md §3', () => {
    const a = '(d1 OR d2 OR d3) AND d4 AND (d5 OR d6)';
    expect(holds(a, ['d3', 'd4', 'd6'])).toBe(true);
    expect(holds(a, ['d1', 'd4'])).toBe(false);
    const b = '(d1 OR d2) AND d4 AND d5';
    expect(holds(b, ['d3', 'd4', 'd6'])).toBe(false);
    expect(holds(b, ['d2', 'd4', 'd5'])).toBe(true);
    expect(holds('(d1 OR d2 OR d3) AND d4', ['d2', 'd4'])).toBe(true);
  });

  it('binds NOT tighter than AND, and AND tighter than OR; keywords are case-insensitive', () => {
    expect(formatRule(ast('d1 or d2 and d3'))).toBe('d1 OR (d2 AND d3)');
    expect(formatRule(ast('not d1 AND d2'))).toBe('NOT d1 AND d2');
    expect(holds('d1 OR d2 AND d3', ['d1'])).toBe(true);
    expect(holds('NOT NOT d1', ['d1'])).toBe(true);
  });

  it('names an unknown dimension, with its position and the known ids', () => {
    const r = parseRuleExpression('d1 AND coercion', DIMS);
    expect(r).toEqual({ ok: false, error: { code: 'unknown_dimension', position: 7, found: 'coercion', known: DIMS } });
  });

  it.each([
    ['', 0, 'end of expression'],
    ['d1 AND', 6, 'end of expression'],
    ['(d1 OR d2', 9, 'end of expression'],
    ['d1 d2', 3, 'd2'],
    ['d1 )', 3, ')'],
    ['d1 & d2', 3, '&'],
    ['d1; process.exit()', 2, ';'],
  ])('rejects %j at %i', (src, position, found) => {
    const r = parseRuleExpression(src, DIMS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'rule_expression_syntax', position, found });
  });

  it('refuses expressions too long or too deep to be a rule', () => {
    const deep = `${'('.repeat(40)}d1${')'.repeat(40)}`;
    expect(parseRuleExpression(deep, DIMS)).toMatchObject({ ok: false, error: { code: 'rule_expression_too_complex' } });
    expect(parseRuleExpression(`${'d1 OR '.repeat(500)}d1`, DIMS)).toMatchObject({ ok: false, error: { code: 'rule_expression_too_complex' } });
  });

  it('reports the dimensions used and whether the rule is monotone', () => {
    expect(dimensionsIn(ast('(d5 OR d1) AND d5'))).toEqual(['d1', 'd5']);
    expect(isMonotone(ast('(d1 OR d2) AND d4'))).toBe(true);
    expect(isMonotone(ast('d1 AND NOT d2'))).toBe(false);
  });

  const arbAst: fc.Arbitrary<RuleAst> = fc.letrec<{ node: RuleAst }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...DIMS).map((name): RuleAst => ({ type: 'dimension', name })),
      tie('node').map((operand): RuleAst => ({ type: 'not', operand })),
      fc
        .tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(tie('node'), { minLength: 2, maxLength: 3 }))
        .map(([type, operands]): RuleAst => ({ type, operands })),
    ),
  })).node;

  function oracle(a: RuleAst, pos: Set<string>): boolean {
    if (a.type === 'dimension') return pos.has(a.name);
    if (a.type === 'not') return !oracle(a.operand, pos);
    return a.type === 'and' ? a.operands.every((o) => oracle(o, pos)) : a.operands.some((o) => oracle(o, pos));
  }

  it('formatted text parses back to a rule with the same truth table', () => {
    fc.assert(
      fc.property(arbAst, fc.subarray(DIMS), (a, positive) => {
        const text = formatRule(a);
        const again = parseRuleExpression(text, DIMS);
        expect(again.ok).toBe(true);
        if (again.ok) {
          expect(formatRule(again.ast)).toBe(text);
          expect(evaluateRule(again.ast, new Set(positive))).toBe(oracle(a, new Set(positive)));
        }
      }),
    );
  });

  it('a monotone rule never turns false when more dimensions are positive', () => {
    fc.assert(
      fc.property(arbAst.filter(isMonotone), fc.subarray(DIMS), fc.subarray(DIMS), (a, xs, more) => {
        if (evaluateRule(a, new Set(xs))) expect(evaluateRule(a, new Set([...xs, ...more]))).toBe(true);
      }),
    );
  });
});
