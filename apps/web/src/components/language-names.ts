import { COMPENSATION_LANGUAGES } from '@qorgau/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';

/**
 * A language's name in the reader's language, from the catalogue (browsers lack Kazakh names of
 * languages: Intl.DisplayNames answers the bare code there); the code for one not in the list.
 */
export function useLanguageName(): (code: string) => string {
  const { t } = useTranslation();
  return useCallback((code: string) => t(`redress.languages.${code}`, { defaultValue: code }), [t]);
}

/** The languages a victim may be told her rights or interviewed in, named and sorted the reader's way. */
export function useLanguageOptions(): { value: string; label: string }[] {
  const lng = useLanguage();
  const name = useLanguageName();
  return useMemo(
    () => COMPENSATION_LANGUAGES.map((c) => ({ value: c as string, label: name(c) })).sort((a, b) => a.label.localeCompare(b.label, lng)),
    [name, lng],
  );
}
