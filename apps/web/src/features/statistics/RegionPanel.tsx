import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { RegionsStatistics } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatCount } from './labels.ts';
import { OpenRecordsButton } from './RecordsPanel.tsx';

/** A long label wraps inside the button instead of running out of its card. */

type RegionRow = RegionsStatistics['regions'][number];

/**
 * The clicked region's map figures: where victims were found and what help is there (providers,
 * shelters, those in rural settlements), and the victims with no service of the region's own.
 */
export function RegionPanel({ code, row, onClear, onRecords }: { code: string; row: RegionRow | undefined; onClear: () => void; onRecords?: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const gap = row?.victimsWithoutLocalService ?? 0;
  const rows: [string, number, string][] = [
    [t('statistics.region.victims'), row?.victims ?? 0, 'victims'],
    [t('statistics.region.cases'), row?.cases ?? 0, 'cases'],
    [t('statistics.region.referrals'), row?.referrals ?? 0, 'referrals'],
    [t('statistics.region.providers'), row?.providers ?? 0, 'providers'],
    [t('statistics.region.shelters'), row?.shelters ?? 0, 'shelters'],
    [t('statistics.region.ruralProviders'), row?.ruralProviders ?? 0, 'rural'],
    [t('statistics.region.withoutLocalService'), gap, 'gap'],
  ];
  return (
    <Paper withBorder p="md" data-testid="statistics-region-panel" data-region={code} className="statistics-card">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Title order={2} size="h4" data-testid="statistics-region-name">
          {regionName(code, lng)}
        </Title>
        <Button variant="default" size="xs" onClick={onClear} data-testid="statistics-region-clear" className="statistics-controls">
          {t('statistics.region.wholeCountry')}
        </Button>
      </Group>
      <Stack gap={4}>
        {rows.map(([label, value, key]) => (
          <Group key={key} justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
            <Text size="sm" c={key === 'gap' && value > 0 ? 'red.8' : undefined} fw={key === 'gap' && value > 0 ? 600 : undefined}>
              {label}
            </Text>
            <Text size="sm" fw={600} data-testid={`statistics-region-${key}`} c={key === 'gap' && value > 0 ? 'red.8' : undefined}>
              {formatCount(value, lng)}
            </Text>
          </Group>
        ))}
      </Stack>
      {gap > 0 && (
        <Text size="sm" c="red.8" mt="xs" data-testid="statistics-region-gap-note">
          {t('statistics.region.gapNote')}
        </Text>
      )}
      {onRecords && (row?.victims ?? 0) > 0 && <OpenRecordsButton onClick={onRecords} testId="statistics-region-records" />}
    </Paper>
  );
}
