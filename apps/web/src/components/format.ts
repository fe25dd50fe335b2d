import { KZ_REGIONS, kazakhstanDate, kazakhstanWallClock } from '@qorgau/core';
import type { Language } from '../i18n/setup.ts';

export function regionName(code: string | null | undefined, lng: Language): string {
  if (!code) return '';
  const region = KZ_REGIONS.find((r) => r.code === code);
  return region ? region.name[lng] : code;
}

/** Regions sorted by their name in the current language, for selects. */
export function regionOptions(lng: Language): { value: string; label: string }[] {
  return KZ_REGIONS.map((r) => ({ value: r.code as string, label: r.name[lng] })).sort((a, b) => a.label.localeCompare(b.label, lng));
}

const displayNames = new Map<Language, Intl.DisplayNames | null>();

/** Country name from the browser's own locale data; the ISO code when it has none. */
export function countryName(code: string, lng: Language): string {
  if (!displayNames.has(lng)) {
    try {
      displayNames.set(lng, new Intl.DisplayNames([lng], { type: 'region' }));
    } catch {
      displayNames.set(lng, null);
    }
  }
  try {
    return displayNames.get(lng)?.of(code) ?? code;
  } catch {
    return code;
  }
}

// Times are shown in Kazakhstan's time (core's kazakhstan-time.ts), whatever the device's zone.
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** A calendar date in the language's convention: kk and ru 31.12.2026, en 31 Dec 2026 (never the US 12/31/2026). */
export function calendarDateText(year: number, month: number, day: number, lng: Language): string {
  return lng === 'en' ? `${day} ${EN_MONTHS[month - 1]} ${year}` : `${pad2(day)}.${pad2(month)}.${year}`;
}

/** Today's date in Kazakhstan as YYYY-MM-DD (deadlines and encounter dates are counted there). */
export function kazakhstanToday(now: Date = new Date()): string {
  return kazakhstanDate(now);
}

/**
 * A date for people to read. A date-only value (a birthdate, `1990-05-01`) is a calendar
 * date and is never shifted; an instant is shown as the date in Kazakhstan.
 */
export function formatDate(iso: string | null | undefined, lng: Language): string {
  if (!iso) return '';
  const calendar = CALENDAR_DATE.exec(iso);
  if (calendar) return calendarDateText(Number(calendar[1]), Number(calendar[2]), Number(calendar[3]), lng);
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const k = kazakhstanWallClock(instant);
  return calendarDateText(k.getUTCFullYear(), k.getUTCMonth() + 1, k.getUTCDate(), lng);
}

/** An instant as date and time in Kazakhstan, 24-hour: kk and ru 31.12.2026 14:05, en 31 Dec 2026, 14:05. */
export function formatDateTime(iso: string | null | undefined, lng: Language): string {
  if (!iso) return '';
  if (CALENDAR_DATE.test(iso)) return formatDate(iso, lng);
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const k = kazakhstanWallClock(instant);
  const date = calendarDateText(k.getUTCFullYear(), k.getUTCMonth() + 1, k.getUTCDate(), lng);
  return `${date}${lng === 'en' ? ',' : ''} ${pad2(k.getUTCHours())}:${pad2(k.getUTCMinutes())}`;
}

/** A probability as a percentage; never "100%" for what is only nearly certain. */
export function formatProbability(p: number): string {
  if (p >= 0.995 && p < 1) return '>99%';
  if (p > 0 && p <= 0.005) return '<1%';
  return `${Math.round(p * 100)}%`;
}

/**
 * An agency's name in the reader's language (issue #9): every agency has all three, so this is
 * the one place that picks; an empty one (never, with the contract) falls back to another.
 */
export function agencyName(names: Record<Language, string> | null | undefined, lng: Language): string {
  if (!names) return '';
  return names[lng] || names.ru || names.kk || names.en;
}
