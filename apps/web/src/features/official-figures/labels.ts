import type { OfficialFigureKey } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { categoryLabel, type Dimension } from '../statistics/labels.ts';

/** Labels of figures, breakdowns and their categories in the UI language (categories as the statistics page names them). */
export function useFigureLabels() {
  const { t } = useTranslation();
  const lng = useLanguage();
  return {
    figure: (key: OfficialFigureKey | string) => t(`officialFigures.figure.${key}`),
    dimension: (d: string) => t(`officialFigures.dimension.${d}`),
    category: (d: string, c: string) => categoryLabel(t, lng, d as Dimension, c),
  };
}
