import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { YearStatistics } from '@qorgau/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { breakdownOption, wrapLabel } from './chart-options.ts';
import { EChart } from './EChart.tsx';
import { categoryLabel, type Dimension } from './labels.ts';

/** Breakdowns drawn as charts; the filterable ones set their filter on a click, agency types open their records. */
const CHARTS: { dimension: Dimension; field: keyof YearStatistics['victims']; top?: number }[] = [
  { dimension: 'form', field: 'byForm' },
  { dimension: 'citizenGroup', field: 'byCitizenGroup' },
  { dimension: 'citizenship', field: 'byCitizenship', top: 8 },
  { dimension: 'sex', field: 'bySex' },
  { dimension: 'ageGroup', field: 'byAgeGroup' },
  { dimension: 'agencyType', field: 'byAgencyType' },
  { dimension: 'referredBy', field: 'byReferredBy' },
];

/** Width of the category labels (px): they wrap within it. */
const NARROW_LABEL = 120;
const WIDE_LABEL = 190;

/**
 * Enough height for every bar's label, wrapped: a long label (foreign nationals and stateless
 * persons, in Kazakh) takes two or three lines, and its band must hold them or labels overlap.
 */
function chartHeight(bars: readonly { label: string }[], labelWidth: number): number {
  const band = (label: string) => Math.max(34, wrapLabel(label, labelWidth).split('\n').length * 16 + 14);
  return Math.max(
    90,
    bars.reduce((h, b) => h + band(b.label), 12),
  );
}

export function Breakdowns({ data, onPick, narrow }: { data: YearStatistics; onPick: (dimension: Dimension, category: string) => void; narrow: boolean }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const charts = useMemo(
    () =>
      CHARTS.map(({ dimension, field, top }) => {
        const rows = data.victims[field] as { category: string; n: number }[];
        const bars = rows.slice(0, top ?? rows.length).map((r) => ({ key: r.category, label: categoryLabel(t, lng, dimension, r.category), n: r.n }));
        const title = t(`statistics.breakdown.${dimension}`);
        return {
          dimension,
          title,
          bars,
          option: breakdownOption(bars, narrow ? NARROW_LABEL : WIDE_LABEL),
          label: `${title}: ${bars.map((b) => `${b.label} ${b.n}`).join(', ')}`,
        };
      }),
    [data, t, lng, narrow],
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} className="statistics-charts">
      {charts.map((c) => (
        <Paper key={c.dimension} withBorder p="md" className="statistics-card" data-testid={`statistics-breakdown-${c.dimension}`}>
          <Title order={3} size="h5" mb="xs">
            {c.title}
          </Title>
          {c.bars.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('statistics.noVictims')}
            </Text>
          ) : (
            <EChart
              option={c.option}
              label={c.label}
              height={chartHeight(c.bars, narrow ? NARROW_LABEL : WIDE_LABEL)}
              testId={`statistics-chart-${c.dimension}`}
              onPick={c.dimension === 'citizenship' || c.dimension === 'referredBy' ? undefined : (category) => onPick(c.dimension, category)}
            />
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
