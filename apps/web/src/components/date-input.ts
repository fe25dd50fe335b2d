import type { Language } from '../i18n/setup.ts';
import { calendarDateText } from './format.ts';

/**
 * What a date field understands, kept pure so that it can be tested without a browser. The
 * value a form holds is ISO `YYYY-MM-DD`; people type the day first, as in Kazakhstan:
 * 31.12.2026 (or 31/12/2026, 31-12-2026, 31122026), the ISO form 2026-12-31, and in English
 * also 31 Dec 2026. A month-first US date (12/31/2026) is never guessed at.
 */

/** Years outside this range are treated as typing errors (a birthdate of 0199, an encounter in 20026). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export type DateParse = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid' };

const pad2 = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date for a day, month and year, or null when no such day exists. */
export function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[./\-\s]+(\d{1,2})[./\-\s]+(\d{4})$/;
const DIGITS = /^(\d{2})(\d{2})(\d{4})$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s.-]*([a-z]{3,9})\.?,?[\s.-]*(\d{4})$/;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;

/** An English month name or its abbreviation (Dec, Sept, December), 1-12; null for anything else. */
function monthOf(name: string): number | null {
  const i = name.length >= 3 ? MONTH_NAMES.findIndex((full) => full.startsWith(name)) : -1;
  return i < 0 ? null : i + 1;
}

/** Reads what was typed; an impossible date (31.02.2026) or an unreadable one is `invalid`. */
export function parseDateInput(input: string): DateParse {
  const text = input.trim().toLowerCase();
  if (!text) return { kind: 'empty' };
  const date = (iso: string | null): DateParse => (iso ? { kind: 'date', iso } : { kind: 'invalid' });
  let m = ISO.exec(text);
  if (m) return date(isoOf(Number(m[1]), Number(m[2]), Number(m[3])));
  m = DAY_FIRST.exec(text) ?? DIGITS.exec(text);
  if (m) return date(isoOf(Number(m[3]), Number(m[2]), Number(m[1])));
  m = DAY_MONTH_NAME.exec(text);
  if (m) {
    const month = monthOf(m[2] ?? '');
    return date(month ? isoOf(Number(m[3]), month, Number(m[1])) : null);
  }
  m = MONTH_NAME_DAY.exec(text);
  if (m) {
    const month = monthOf(m[1] ?? '');
    return date(month ? isoOf(Number(m[3]), month, Number(m[2])) : null);
  }
  return { kind: 'invalid' };
}

/** True for a real calendar date in ISO form, as the API accepts it. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isoOf(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/** How a stored ISO date is shown in the field when it is not being edited. */
export function displayDate(iso: string, lng: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? calendarDateText(Number(m[1]), Number(m[2]), Number(m[3]), lng) : iso;
}

/** How a stored ISO date is edited: digits and dots, which a phone's number pad can type. */
export function editableDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}
