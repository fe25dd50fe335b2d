import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayDate, editableDate, isIsoDate, MAX_YEAR, MIN_YEAR, parseDateInput } from './date-input.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
/** Any real calendar day in the accepted range, as numbers. */
const day = fc
  .date({ min: new Date(Date.UTC(MIN_YEAR, 0, 1)), max: new Date(Date.UTC(MAX_YEAR, 11, 31)), noInvalidDate: true })
  .map((d) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), iso: d.toISOString().slice(0, 10) }));

describe('the date field reads what people type', () => {
  it('31.12.2026, its variants and the ISO form all mean 31 December 2026', () => {
    for (const typed of [
      '31.12.2026',
      ' 31.12.2026 ',
      '31/12/2026',
      '31-12-2026',
      '31 12 2026',
      '31122026',
      '2026-12-31',
      '31 Dec 2026',
      '31 dec 2026',
      '31 December 2026',
      '31-Dec-2026',
      'Dec 31, 2026',
    ]) {
      expect(parseDateInput(typed), typed).toEqual({ kind: 'date', iso: '2026-12-31' });
    }
    expect(parseDateInput('1.5.1990')).toEqual({ kind: 'date', iso: '1990-05-01' });
    expect(parseDateInput('29.02.2024')).toEqual({ kind: 'date', iso: '2024-02-29' });
  });

  it('an impossible or unreadable date is invalid, and an empty field is empty', () => {
    for (const typed of [
      '31.02.2026',
      '29.02.2025',
      '00.01.2026',
      '12.13.2026',
      '31.04.2026',
      '12/31/2026',
      '31.12.26',
      '31.12',
      'abc',
      '31 Decx 2026',
      '2026-02-30',
      '01.01.0199',
      '01.01.20260',
    ]) {
      expect(parseDateInput(typed), typed).toEqual({ kind: 'invalid' });
    }
    expect(parseDateInput('')).toEqual({ kind: 'empty' });
    expect(parseDateInput('   ')).toEqual({ kind: 'empty' });
  });

  it('every real day reads back to itself in each way it can be typed (property)', () => {
    fc.assert(
      fc.property(day, ({ y, m, d, iso }) => {
        for (const typed of [`${pad(d)}.${pad(m)}.${y}`, `${d}.${m}.${y}`, `${pad(d)}${pad(m)}${y}`, iso, `${d} ${MONTHS[m - 1]} ${y}`]) {
          expect(parseDateInput(typed)).toEqual({ kind: 'date', iso });
        }
        expect(parseDateInput(editableDate(iso))).toEqual({ kind: 'date', iso });
        for (const lng of ['kk', 'ru', 'en'] as const) expect(parseDateInput(displayDate(iso, lng))).toEqual({ kind: 'date', iso });
        expect(isIsoDate(iso)).toBe(true);
      }),
    );
  });

  it('whatever is typed, the answer is empty, invalid or a real ISO date (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{1,2}[./ -]\d{1,2}[./ -]\d{4}$/)), (typed) => {
        const r = parseDateInput(typed);
        if (r.kind === 'date') expect(isIsoDate(r.iso)).toBe(true);
        else expect(['empty', 'invalid']).toContain(r.kind);
      }),
    );
  });

  it('shows a stored date in the language format', () => {
    expect(displayDate('2026-12-31', 'kk')).toBe('31.12.2026');
    expect(displayDate('2026-12-31', 'en')).toBe('31 Dec 2026');
    expect(editableDate('2026-12-31')).toBe('31.12.2026');
    expect(isIsoDate('2026-02-30')).toBe(false);
  });
});
