import { EXPLOITATION_TYPES } from '@qorgau/core';
import type { TFunction } from 'i18next';
import { countryName } from '../../components/format.ts';
import type { Language } from '../../i18n/setup.ts';

/** The dimensions a breakdown or filter is by. */
export type Dimension = 'form' | 'citizenGroup' | 'citizenship' | 'sex' | 'ageGroup' | 'agencyType' | 'referredBy';

const FORMS = new Set<string>(EXPLOITATION_TYPES);

/**
 * A category's label in the UI language. Forms and agency types reuse their existing labels
 * (exploitation.*, agencyTypes.*); the statistics-only categories (Multiple, citizen group, sex,
 * age group, "not referred") have their own under statistics.*.
 */
export function categoryLabel(t: TFunction, lng: Language, dimension: Dimension, value: string): string {
  switch (dimension) {
    case 'form':
      return FORMS.has(value) ? t(`exploitation.${value}`) : t(`statistics.form.${value}`);
    case 'citizenGroup':
      return t(`statistics.citizenGroup.${value}`);
    case 'citizenship':
      // The catalogs' names first (browsers often have no Kazakh country names), then the browser's.
      if (value === 'XX') return t('statistics.unknownCitizenship');
      return t(`countries.${value}`, { defaultValue: '' }) || countryName(value, lng);
    case 'sex':
      return t(`statistics.sex.${value}`);
    case 'ageGroup':
      return t(`statistics.ageGroup.${value}`);
    case 'agencyType':
      return t(`agencyTypes.${value}`);
    case 'referredBy':
      return value === 'none' ? t('statistics.notReferred') : t(`agencyTypes.${value}`);
  }
}

/** A count with the language's digit grouping (Kazakh writes numbers as Russian does). */
export const formatCount = (n: number, lng: Language): string => n.toLocaleString(lng === 'en' ? 'en' : 'ru');
