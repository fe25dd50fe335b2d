import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';
import { countryName } from './format.ts';

/**
 * Country names: the common citizenships from the catalogs (browsers often have no
 * Kazakh names), any other code from the browser's locale data, else the code itself.
 */
export function useCountryName(): (code: string) => string {
  const { t, i18n } = useTranslation();
  const lng = useLanguage();
  return (code) => (i18n.exists(`countries.${code}`) ? t(`countries.${code}`) : countryName(code, lng));
}
