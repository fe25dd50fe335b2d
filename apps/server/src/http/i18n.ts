import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

/** The same catalogs as the web app (repo-root i18n/), so the server's messages match the UI's. */
export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'kk';

const catalogDir = fileURLToPath(new URL('../../../../i18n/', import.meta.url));

export interface Translator {
  t(locale: Locale, key: string, params?: Record<string, unknown>): string;
}

export async function createTranslator(): Promise<Translator> {
  const resources = Object.fromEntries(LOCALES.map((l) => [l, { translation: JSON.parse(readFileSync(`${catalogDir}${l}.json`, 'utf8')) as object }]));
  const instance = i18next.createInstance();
  await instance.init({ resources, fallbackLng: 'en', interpolation: { escapeValue: false }, initAsync: false });
  const fixed = new Map<Locale, TFunction>(LOCALES.map((l) => [l, instance.getFixedT(l)]));
  return {
    t: (locale, key, params) => (fixed.get(locale) as TFunction)(key, params ?? {}) as string,
  };
}

/** Picks the first supported language of an Accept-Language header. */
export function pickLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    if (tag && (LOCALES as readonly string[]).includes(tag)) return tag as Locale;
  }
  return DEFAULT_LOCALE;
}
