import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, isLanguage, LANGUAGES } from '../i18n/setup.ts';

/** Native <select>: reliable on phones, and the end-to-end tests select by value. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value = isLanguage(i18n.language) ? i18n.language : currentLanguage();
  return (
    <NativeSelect
      data-testid="language-switch"
      label={t('language.label')}
      size="xs"
      value={value}
      onChange={(e) => {
        const next = e.currentTarget.value;
        if (isLanguage(next)) void changeLanguage(next);
      }}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 6 }, label: { marginBottom: 0 } }}
    />
  );
}
