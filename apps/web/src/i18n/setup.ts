import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/** UI languages; catalogs live in the repository's root i18n/ folder, shared with the server. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'kk';

const STORAGE_KEY = 'qorgau.language';

type Catalog = { default: Record<string, unknown> };

// One chunk per language: a phone on a weak connection downloads only the one it uses.
const loaders: Record<Language, () => Promise<Catalog>> = {
  kk: () => import('../../../../i18n/kk.json'),
  ru: () => import('../../../../i18n/ru.json'),
  en: () => import('../../../../i18n/en.json'),
};

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function rememberLanguage(lng: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

async function ensureLoaded(lng: Language): Promise<void> {
  if (i18next.hasResourceBundle(lng, 'translation')) return;
  const catalog = await loaders[lng]();
  i18next.addResourceBundle(lng, 'translation', catalog.default, true, true);
}

function applyToDocument(lng: Language): void {
  document.documentElement.lang = lng;
  document.title = i18next.t('app.title');
}

export async function initI18n(): Promise<void> {
  const lng = storedLanguage() ?? DEFAULT_LANGUAGE;
  const catalog = await loaders[lng]();
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    resources: { [lng]: { translation: catalog.default } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  applyToDocument(lng);
}

export async function changeLanguage(lng: Language): Promise<void> {
  await ensureLoaded(lng);
  await i18next.changeLanguage(lng);
  rememberLanguage(lng);
  applyToDocument(lng);
}

/** The active UI language, sent to the server as `accept-language`. */
export function currentLanguage(): Language {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}
