import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { kazakhstanToday, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { type RecordsRequest, useRegionStatistics, useTrend, useYearStatistics } from './api.ts';
import { Breakdowns } from './Breakdowns.tsx';
import { trendOption } from './chart-options.ts';
import { EChart } from './EChart.tsx';
import { CountingRules } from './CountingRules.tsx';
import { CATEGORY_FILTERS, filtersFromParams, openingYear, type StatisticsFilters, TREND_YEARS } from './filters.ts';
import { Headline } from './Headline.tsx';
import { categoryLabel, type Dimension } from './labels.ts';
import { RecordsPanel } from './RecordsPanel.tsx';
import { RegionPanel } from './RegionPanel.tsx';
import { ReportDownload } from './ReportDownload.tsx';
import { MAP_METRICS, type MapMetric, StatisticsMap } from './StatisticsMap.tsx';
import { StatisticsTabs } from './StatisticsTabs.tsx';
// The counting rules' accordion: its Mantine styles travel with this page, not the first screen's sheet.
import '@mantine/core/styles/Accordion.css';
import './statistics.css';

/**
 * National statistics (issue #13 item 3): the year's figures within the reader's scope, the map
 * of regions with the coverage gap, the ten-year trend and the breakdowns, filtered by year,
 * form, citizen group, sex and age group; a click on a region filters by it. Readers with
 * statistics.records may open the records behind a figure; report.generate holders download
 * the annual report. The print layout (statistics.css) keeps the figures and charts only.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const { get, update } = useListParams();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const thisYear = Number(kazakhstanToday().slice(0, 4));
  const asked = filtersFromParams(get, thisYear, thisYear);
  const trend = useTrend(thisYear, asked);
  const [metric, setMetric] = useState<MapMetric>('victims');
  const [records, setRecords] = useState<{ request: RecordsRequest; title: string } | null>(null);

  if (trend.isPending) return <Loading />;
  if (trend.isError) return <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} />;
  const filters: StatisticsFilters = get('year') ? asked : { ...asked, year: openingYear(thisYear, trend.data.points) };
  const canRecords = can('statistics.records');

  const setFilter = (changes: Record<string, string | null>) => {
    setRecords(null);
    update(changes);
  };
  const openRecords = (request: RecordsRequest, title: string) => setRecords({ request, title });
  const figureTitle = (f: StatisticsFilters, extra?: string) =>
    [t('statistics.headline.victims'), String(f.year), f.region ? regionName(f.region, lng) : null, extra].filter(Boolean).join(', ');
  const onPick = (dimension: Dimension, category: string) => {
    if (dimension === 'agencyType') {
      if (canRecords)
        openRecords(
          { ...filters, agencyType: category },
          figureTitle(filters, `${t('statistics.breakdown.agencyType')}: ${categoryLabel(t, lng, dimension, category)}`),
        );
      return;
    }
    setFilter({ [dimension]: category, year: String(filters.year) });
  };
  const years = Array.from({ length: TREND_YEARS }, (_, i) => String(thisYear - i));

  return (
    <Stack className="statistics-page">
      <StatisticsTabs />
      <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
        <Title order={1}>{t('statistics.title')}</Title>
        <Group gap="sm" wrap="wrap" className="statistics-controls">
          <Button variant="default" onClick={() => window.print()} data-testid="statistics-print">
            {t('statistics.print')}
          </Button>
          {can('report.generate') && <ReportDownload year={filters.year} />}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('statistics.intro')}
      </Text>
      <Text className="statistics-print-only" fw={600} data-testid="statistics-print-summary">
        {[
          String(filters.year),
          filters.region ? regionName(filters.region, lng) : t('statistics.region.wholeCountry'),
          ...CATEGORY_FILTERS.map(({ key }) => filters[key] && categoryLabel(t, lng, key, filters[key])),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Paper withBorder p="sm" className="statistics-controls" component="section" aria-label={t('statistics.filters.label')}>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <NativeSelect
            label={t('statistics.filters.year')}
            value={String(filters.year)}
            onChange={(e) => setFilter({ year: e.currentTarget.value })}
            data={years}
            w={110}
            data-testid="statistics-year"
          />
          {CATEGORY_FILTERS.map(({ key, values }) => (
            <NativeSelect
              key={key}
              label={t(`statistics.filters.${key}`)}
              value={filters[key] ?? ''}
              onChange={(e) => setFilter({ [key]: e.currentTarget.value || null, year: String(filters.year) })}
              data={[{ value: '', label: t('common.all') }, ...values.map((v) => ({ value: v, label: categoryLabel(t, lng, key, v) }))]}
              w={{ base: '100%', xs: 190 }}
              data-testid={`statistics-filter-${key}`}
            />
          ))}
          {(filters.region || CATEGORY_FILTERS.some(({ key }) => filters[key])) && (
            <Button
              variant="subtle"
              onClick={() => setFilter({ region: null, form: null, citizenGroup: null, sex: null, ageGroup: null, year: String(filters.year) })}
              data-testid="statistics-filters-clear"
            >
              {t('statistics.filters.clear')}
            </Button>
          )}
        </Group>
      </Paper>
      <YearFigures filters={filters} canRecords={canRecords} openRecords={openRecords} figureTitle={figureTitle} />
      <MapSection
        filters={filters}
        metric={metric}
        setMetric={setMetric}
        onRegion={(region) => setFilter({ region: region ?? null, year: String(filters.year) })}
        onRecords={canRecords && filters.region ? () => openRecords(filters, figureTitle(filters)) : undefined}
      />
      {records && <RecordsPanel key={JSON.stringify(records.request)} request={records.request} title={records.title} onClose={() => setRecords(null)} />}
      <Paper withBorder p="md" className="statistics-card">
        <Title order={2} size="h4" mb="xs">
          {t('statistics.trend.title', { from: thisYear - TREND_YEARS + 1, to: thisYear })}
        </Title>
        <EChart
          option={trendOption(trend.data.points, { register: t('statistics.trend.register'), official: t('statistics.officialFigure') }, filters.year)}
          label={`${t('statistics.trend.title', { from: thisYear - TREND_YEARS + 1, to: thisYear })}: ${trend.data.points
            .map((p) => `${p.year} ${p.victims ?? '–'}${p.source === 'official' ? ` (${t('statistics.officialFigure')})` : ''}`)
            .join(', ')}`}
          height={narrow ? 240 : 300}
          testId="statistics-trend"
          onPick={(year) => setFilter({ year })}
        />
        <Text size="xs" c="dimmed" mt="xs">
          {t('statistics.trend.note')}
        </Text>
      </Paper>
      <BreakdownsSection filters={filters} onPick={onPick} narrow={narrow} />
      <CountingRules />
    </Stack>
  );
}

function YearFigures({
  filters,
  canRecords,
  openRecords,
  figureTitle,
}: {
  filters: StatisticsFilters;
  canRecords: boolean;
  openRecords: (r: RecordsRequest, title: string) => void;
  figureTitle: (f: StatisticsFilters) => string;
}) {
  const q = useYearStatistics(filters);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return <Headline data={q.data} onRecords={canRecords ? () => openRecords(filters, figureTitle(filters)) : undefined} />;
}

function BreakdownsSection({ filters, onPick, narrow }: { filters: StatisticsFilters; onPick: (d: Dimension, c: string) => void; narrow: boolean }) {
  const { t } = useTranslation();
  const q = useYearStatistics(filters);
  if (q.isPending) return <Loading />;
  if (q.isError) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('statistics.breakdown.title', { year: filters.year })}
      </Title>
      <Text size="xs" c="dimmed" className="statistics-controls">
        {t('statistics.breakdown.hint')}
      </Text>
      <Breakdowns data={q.data} onPick={onPick} narrow={narrow} />
    </Stack>
  );
}

function MapSection({
  filters,
  metric,
  setMetric,
  onRegion,
  onRecords,
}: {
  filters: StatisticsFilters;
  metric: MapMetric;
  setMetric: (m: MapMetric) => void;
  onRegion: (region: string | undefined) => void;
  onRecords?: () => void;
}) {
  const { t } = useTranslation();
  const q = useRegionStatistics(filters);
  const metrics = useMemo(() => MAP_METRICS.map((m) => ({ value: m, label: t(`statistics.map.metric.${m}`) })), [t]);
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} className="statistics-map-section">
      <Paper withBorder p="md" className="statistics-card statistics-map-card">
        <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
          <Title order={2} size="h4">
            {t('statistics.map.title')}
          </Title>
          <NativeSelect
            data={metrics}
            value={metric}
            onChange={(e) => setMetric(e.currentTarget.value as MapMetric)}
            size="xs"
            className="statistics-controls"
            data-testid="statistics-map-metric"
            aria-label={t('statistics.map.metricLabel')}
          />
        </Group>
        {q.isPending ? (
          <Loading />
        ) : q.isError ? (
          <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <StatisticsMap rows={q.data.regions} metric={metric} selected={filters.region} onSelect={onRegion} />
        )}
      </Paper>
      {filters.region ? (
        <RegionPanel
          code={filters.region}
          row={q.data?.regions.find((r) => r.region === filters.region)}
          onClear={() => onRegion(undefined)}
          onRecords={onRecords}
        />
      ) : (
        <Alert color="blue" variant="light" className="statistics-controls" title={t('statistics.region.none')}>
          {t('statistics.region.hint')}
        </Alert>
      )}
    </SimpleGrid>
  );
}
