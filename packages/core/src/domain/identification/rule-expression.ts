/**
 * A tiny, safe language for the screening rules (DOMAIN.md §3: "make the rule a configurable
 * expression"). A national administrator writes e.g.
 *
 *   (deceptive_recruitment OR coercive_recruitment) AND exploitative_conditions
 *
 * Grammar (keywords case-insensitive, identifiers are dimension ids):
 *
 *   expr    := and ( OR and )*
 *   and     := unary ( AND unary )*
 *   unary   := NOT unary | primary
 *   primary := dimension | "(" expr ")"
 *
 * The text is parsed to an AST and interpreted; nothing is ever passed to eval/Function, so a
 * replaced rules file cannot run code. Length and nesting are bounded for the same reason.
 */

export type RuleAst = { type: 'dimension'; name: string } | { type: 'and' | 'or'; operands: RuleAst[] } | { type: 'not'; operand: RuleAst };

export type RuleExpressionErrorCode = 'rule_expression_syntax' | 'unknown_dimension' | 'rule_expression_too_complex';

/** Where and why an expression was rejected; `position` is a 0-based character offset. */
export interface RuleExpressionError {
  code: RuleExpressionErrorCode;
  position: number;
  /** The token found at `position` (`end of expression` at the end). */
  found: string;
  /** What the parser expected instead, in plain English, for administrators. */
  expected?: string;
  /** For `unknown_dimension`: the ids the expression may use. */
  known?: string[];
}

export type ParsedRule = { ok: true; ast: RuleAst } | { ok: false; error: RuleExpressionError };

const MAX_LENGTH = 2000;
const MAX_DEPTH = 32;
const KEYWORDS = new Set(['and', 'or', 'not']);

type Token = { kind: 'ident' | 'and' | 'or' | 'not' | 'lparen' | 'rparen' | 'end'; text: string; pos: number };

class RuleSyntaxError extends Error {
  constructor(readonly detail: RuleExpressionError) {
    super(detail.code);
  }
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', text: ch, pos: i });
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))?.[0] ?? ch;
      const lower = word.toLowerCase();
      const kind = KEYWORDS.has(lower) ? (lower as 'and' | 'or' | 'not') : 'ident';
      tokens.push({ kind, text: word, pos: i });
      i += word.length;
    } else {
      throw new RuleSyntaxError({ code: 'rule_expression_syntax', position: i, found: ch, expected: 'a dimension, AND, OR, NOT or a parenthesis' });
    }
  }
  tokens.push({ kind: 'end', text: 'end of expression', pos: src.length });
  return tokens;
}

/**
 * Parses a rule expression and checks every name against the known dimension ids.
 *
 * @param source - the expression text from the rules file.
 * @param dimensions - the dimension ids the expression may reference.
 * @returns the AST, or the first error with its position (never throws).
 */
export function parseRuleExpression(source: string, dimensions: readonly string[]): ParsedRule {
  if (source.length > MAX_LENGTH) {
    return { ok: false, error: { code: 'rule_expression_too_complex', position: MAX_LENGTH, found: `${source.length} characters` } };
  }
  const known = new Set(dimensions);
  try {
    const tokens = tokenize(source);
    let at = 0;
    const peek = (): Token => tokens[at] ?? (tokens[tokens.length - 1] as Token);
    const fail = (expected: string): never => {
      const t = peek();
      throw new RuleSyntaxError({ code: 'rule_expression_syntax', position: t.pos, found: t.text, expected });
    };
    const nary = (kind: 'and' | 'or', next: (d: number) => RuleAst, depth: number): RuleAst => {
      const operands = [next(depth)];
      while (peek().kind === kind) {
        at++;
        operands.push(next(depth));
      }
      return operands.length === 1 ? (operands[0] as RuleAst) : { type: kind, operands };
    };
    const parseOr = (depth: number): RuleAst => {
      if (depth > MAX_DEPTH) {
        throw new RuleSyntaxError({ code: 'rule_expression_too_complex', position: peek().pos, found: peek().text });
      }
      return nary('or', (d) => nary('and', parseUnary, d), depth);
    };
    const parseUnary = (depth: number): RuleAst => {
      const t = peek();
      if (t.kind === 'not') {
        at++;
        if (depth > MAX_DEPTH) throw new RuleSyntaxError({ code: 'rule_expression_too_complex', position: t.pos, found: t.text });
        return { type: 'not', operand: parseUnary(depth + 1) };
      }
      if (t.kind === 'lparen') {
        at++;
        const inner = parseOr(depth + 1);
        if (peek().kind !== 'rparen') fail('")"');
        at++;
        return inner;
      }
      if (t.kind === 'ident') {
        if (!known.has(t.text)) {
          throw new RuleSyntaxError({ code: 'unknown_dimension', position: t.pos, found: t.text, known: [...dimensions] });
        }
        at++;
        return { type: 'dimension', name: t.text };
      }
      return fail('a dimension, NOT or "("');
    };
    const ast = parseOr(0);
    if (peek().kind !== 'end') fail('AND, OR or the end of the expression');
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof RuleSyntaxError) return { ok: false, error: e.detail };
    throw e;
  }
}

/** True when the expression holds for the given set of positive dimensions. */
export function evaluateRule(ast: RuleAst, positive: ReadonlySet<string>): boolean {
  switch (ast.type) {
    case 'dimension':
      return positive.has(ast.name);
    case 'and':
      return ast.operands.every((o) => evaluateRule(o, positive));
    case 'or':
      return ast.operands.some((o) => evaluateRule(o, positive));
    case 'not':
      return !evaluateRule(ast.operand, positive);
  }
}

/**
 * A rule without NOT is monotone: more positive dimensions never turn it false. Screening relies
 * on that ("adding an observed indicator never lowers the level"); an administrator's rule with
 * NOT breaks it, so the admin screen should warn when this returns false.
 */
export function isMonotone(ast: RuleAst): boolean {
  if (ast.type === 'dimension') return true;
  if (ast.type === 'not') return false;
  return ast.operands.every(isMonotone);
}

/** Canonical text of an AST (fully parenthesised operands, upper-case keywords). */
export function formatRule(ast: RuleAst): string {
  switch (ast.type) {
    case 'dimension':
      return ast.name;
    case 'not':
      return `NOT ${ast.operand.type === 'dimension' || ast.operand.type === 'not' ? formatRule(ast.operand) : `(${formatRule(ast.operand)})`}`;
    case 'and':
    case 'or':
      return ast.operands.map((o) => (o.type === 'dimension' || o.type === 'not' ? formatRule(o) : `(${formatRule(o)})`)).join(` ${ast.type.toUpperCase()} `);
  }
}

/** The dimension ids an expression mentions, sorted, without repeats. */
export function dimensionsIn(ast: RuleAst): string[] {
  const out = new Set<string>();
  const walk = (a: RuleAst): void => {
    if (a.type === 'dimension') out.add(a.name);
    else if (a.type === 'not') walk(a.operand);
    else a.operands.forEach(walk);
  };
  walk(ast);
  return [...out].sort();
}
