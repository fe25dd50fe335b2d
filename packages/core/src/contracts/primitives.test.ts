import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codeText, futureDateIssues, INPUT_MARK, isoDate, nameText, patchBody, text } from './primitives.ts';

const codes = (r: { success: boolean; error?: z.ZodError }) =>
  (r.error?.issues ?? []).map((i) => (i.code === 'custom' ? (i.params as { code: string }).code : i.code));

describe('text: no string the database cannot store', () => {
  const t = text({ max: 50 });
  it('refuses NUL, other control characters and unpaired surrogates anywhere', () => {
    const bad = fc.constantFrom('\u0000', '\u0001', '\u001B', '\u007F', '\u0085', '\uD800', '\uDFFF', '\n');
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), bad, fc.string({ maxLength: 10 }), (a, c, b) => {
        fc.pre(!/[\uD800-\uDFFF]/.test(a + b));
        expect(codes(t.safeParse(a + c + b))).toContain('invalid_characters');
      }),
    );
  });
  it('accepts paired surrogates (emoji) and line breaks only in multi-line text', () => {
    expect(t.parse('ok 😀')).toBe('ok 😀');
    expect(text({ max: 50, multiline: true }).parse('a\nb\tc')).toBe('a\nb\tc');
  });
  it('normalises to NFC and trims, then bounds the length', () => {
    expect(t.parse('  Ә\u0301 e\u0301 ')).toBe('Ә\u0301 é'.normalize('NFC'));
    expect(codes(t.safeParse('x'.repeat(51)))).toEqual(['too_big']);
    expect(codes(text({ min: 1, max: 5 }).safeParse('   '))).toEqual(['too_small']);
  });
  it('any well-formed string comes out well-formed, NFC and trimmed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const r = text({ max: 1000 }).safeParse(s);
        if (r.success) {
          expect(r.data).toBe(r.data.normalize('NFC').trim());
          expect(r.data).not.toMatch(/\u0000/);
        }
      }),
    );
  });
  it('carries the input mark into the JSON schema', () => {
    expect(z.toJSONSchema(t, { io: 'input' })).toMatchObject({ [INPUT_MARK]: 'text' });
  });
});

describe('nameText', () => {
  const n = nameText({ min: 1, max: 100 });
  it('refuses invisible-only names and bidi controls with their own codes', () => {
    expect(codes(n.safeParse('\u200B'))).toEqual(['name_invisible']);
    expect(codes(n.safeParse('Akmaral\u202E'))).toEqual(['bidi_control']);
    expect(n.parse(' Әйгерім ')).toBe('Әйгерім');
  });
});

describe('codeText', () => {
  it('keeps the pattern and refuses NUL before it', () => {
    const c = codeText(/^[a-z]{3,8}$/, { max: 8, lowercase: true });
    expect(c.parse(' ABC ')).toBe('abc');
    expect(codes(c.safeParse('ab\u0000c'))).toEqual(['invalid_characters']);
  });
});

describe('isoDate', () => {
  const d = isoDate();
  it('refuses impossible and out-of-range dates', () => {
    expect(codes(d.safeParse('0000-01-01'))).toEqual(['date_out_of_range']);
    expect(codes(d.safeParse('9999-12-31'))).toEqual(['date_out_of_range']);
    expect(codes(d.safeParse('2023-02-29'))).toEqual(['invalid_format']);
    expect(codes(d.safeParse('31.12.1999'))).toEqual(['invalid_format']);
    expect(d.parse('2024-02-29')).toBe('2024-02-29');
  });
  it('accepts every real date between 1900 and 2100', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(day, (t) => {
        expect(d.safeParse(t.toISOString().slice(0, 10)).success).toBe(true);
      }),
    );
  });
  it('futureDateIssues names the fields after today only', () => {
    expect(futureDateIssues('2026-12-06', { a: '2026-12-07', b: '2026-12-06', c: undefined, d: null })).toEqual([{ path: 'a', code: 'date_in_future' }]);
  });
});

describe('patchBody', () => {
  const p = patchBody(z.object({ name: z.string().optional(), disabled: z.boolean().optional() }));
  it('refuses a body that sets nothing, unknown keys included', () => {
    expect(codes(p.safeParse({}))).toEqual(['empty_patch']);
    expect(codes(p.safeParse({ nope: 1 }))).toEqual(['empty_patch']);
    expect(p.parse({ disabled: false })).toEqual({ disabled: false });
  });
});
