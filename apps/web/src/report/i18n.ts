import { SELF_REPORT_LANGUAGES, type SelfReportLanguage } from '../../../../packages/core/src/contracts/self-report-values.ts';
// Only the page's group of each catalog (the `i18nGroup` plugin, apps/web/vite-i18n-group.ts). Kazakh, the
// default, is part of this file: the page shows without a second request on a weak connection.
import kk from '../../../../i18n/kk.json?group=selfReport';

/**
 * A tiny translator for the public report page: the same catalogs and keys as the staff app
 * (`t('selfReport.title')`, `{{name}}` interpolation), without i18next.
 */
export type ReportLanguage = SelfReportLanguage;
export const REPORT_LANGUAGES = SELF_REPORT_LANGUAGES;
export const DEFAULT_LANGUAGE: ReportLanguage = 'kk';

type Catalog = { [key: string]: unknown };

const loaders: Record<Exclude<ReportLanguage, 'kk'>, () => Promise<{ default: Catalog }>> = {
  ru: () => import('../../../../i18n/ru.json?group=selfReport'),
  en: () => import('../../../../i18n/en.json?group=selfReport'),
  uz: () => import('../../../../i18n/uz.json?group=selfReport'),
  ky: () => import('../../../../i18n/ky.json?group=selfReport'),
};

const catalogs: Partial<Record<ReportLanguage, Catalog>> = { kk };
let current: ReportLanguage = DEFAULT_LANGUAGE;

export const isReportLanguage = (value: unknown): value is ReportLanguage =>
  typeof value === 'string' && (REPORT_LANGUAGES as readonly string[]).includes(value);

export const currentLanguage = (): ReportLanguage => current;

/** Loads a language's texts (retrying on a weak connection) and makes it the current one. */
export async function switchLanguage(lng: ReportLanguage): Promise<void> {
  if (!catalogs[lng] && lng !== 'kk') {
    const load = loaders[lng];
    for (let attempt = 1; ; attempt++) {
      try {
        catalogs[lng] = (await load()).default;
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await new Promise((r) => setTimeout(r, 1000 * attempt));
      }
    }
  }
  current = lng;
}

/** The text of a dotted key in the current language; the key itself when missing (as i18next). */
export function t(key: string, vars?: Record<string, string>): string {
  let node: unknown = catalogs[current];
  for (const part of key.split('.')) node = node !== null && typeof node === 'object' ? (node as Catalog)[part] : undefined;
  if (typeof node !== 'string') return key;
  return vars ? node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => vars[name] ?? whole) : node;
}
