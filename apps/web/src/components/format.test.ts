import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, kazakhstanToday } from './format.ts';

describe('dates follow the language and Kazakhstan time', () => {
  it('kk and ru write the day first with dots, en the day and a short month; never the US order', () => {
    expect(formatDate('2026-12-31', 'kk')).toBe('31.12.2026');
    expect(formatDate('2026-12-31', 'ru')).toBe('31.12.2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31 Dec 2026');
    expect(formatDate('2026-01-05', 'en')).toBe('5 Jan 2026');
    expect(formatDate('2026-01-05', 'kk')).toBe('05.01.2026');
  });

  it('date and time in 24 hours, at Kazakhstan time (UTC+5)', () => {
    expect(formatDateTime('2026-12-31T09:05:00Z', 'kk')).toBe('31.12.2026 14:05');
    expect(formatDateTime('2026-12-31T09:05:00Z', 'ru')).toBe('31.12.2026 14:05');
    expect(formatDateTime('2026-12-31T09:05:00Z', 'en')).toBe('31 Dec 2026, 14:05');
  });

  it('an instant late on 31 December UTC is already the next year in Kazakhstan', () => {
    expect(formatDateTime('2026-12-31T19:30:00Z', 'kk')).toBe('01.01.2027 00:30');
    expect(formatDateTime('2026-12-31T19:30:00Z', 'ru')).toBe('01.01.2027 00:30');
    expect(formatDateTime('2026-12-31T19:30:00Z', 'en')).toBe('1 Jan 2027, 00:30');
    expect(formatDate('2026-12-31T19:30:00Z', 'kk')).toBe('01.01.2027');
    expect(formatDate('2026-12-31T18:59:59Z', 'ru')).toBe('31.12.2026');
    expect(formatDateTime('2026-12-31T19:30:00+05:00', 'kk')).toBe('31.12.2026 19:30');
    expect(kazakhstanToday(new Date('2026-12-31T19:00:00Z'))).toBe('2027-01-01');
    expect(kazakhstanToday(new Date('2026-12-31T18:59:59Z'))).toBe('2026-12-31');
  });

  it('a date-only value (a birthdate) is a calendar date, never shifted by a time zone', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(formatDate(iso, 'kk')).toBe(`${day}.${m}.${y}`);
        expect(formatDateTime(iso, 'ru')).toBe(`${day}.${m}.${y}`);
        expect(formatDate(iso, 'en')).toMatch(new RegExp(`^${Number(day)} [A-Z][a-z]{2} ${y}$`));
      }),
    );
  });

  it('nothing for nothing, and an unreadable value is shown as it is rather than as "Invalid Date"', () => {
    expect(formatDate(null, 'kk')).toBe('');
    expect(formatDateTime(undefined, 'en')).toBe('');
    expect(formatDate('not a date', 'ru')).toBe('not a date');
  });
});
