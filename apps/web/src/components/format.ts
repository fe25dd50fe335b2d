import { KZ_REGIONS } from '@qorgau/core';
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

export function formatDate(iso: string | null | undefined, lng: Language): string {
  if (!iso) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(lng, { year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function formatDateTime(iso: string | null | undefined, lng: Language): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lng, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** A probability as a percentage; never "100%" for what is only nearly certain. */
export function formatProbability(p: number): string {
  if (p >= 0.995 && p < 1) return '>99%';
  if (p > 0 && p <= 0.005) return '<1%';
  return `${Math.round(p * 100)}%`;
}
