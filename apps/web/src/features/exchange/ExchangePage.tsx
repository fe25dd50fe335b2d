import { Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { exportUrl } from './api.ts';
import { HtcdsImportPanel } from './HtcdsImportPanel.tsx';
import { InternationalTablesPanel } from './InternationalTablesPanel.tsx';
import { OpenDatasetPanel } from './OpenDatasetPanel.tsx';

/**
 * Data exchange (issue #14): HTCDS files in (`htcds.import`) and out (`htcds.export`). What an
 * export holds follows the reader: records in her scope, names only where she may see them.
 */
export function ExchangePage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number>(thisYear);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('exchange.title')}</Title>
        <Text c="dimmed" mt="xs" maw={760}>
          {t('exchange.intro')}
        </Text>
      </div>
      {can('htcds.import') && <HtcdsImportPanel />}
      {can('htcds.export') && (
        <Paper withBorder p="md" component="section" aria-labelledby="htcds-export-title">
          <Stack gap="sm">
            <Title order={2} size="h3" id="htcds-export-title">
              {t('exchange.export.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={760}>
              {t('exchange.export.hint')}
            </Text>
            <Group align="end">
              <NumberInput
                label={t('exchange.export.year')}
                value={year}
                onChange={(v) => setYear(Number(v) || thisYear)}
                min={2000}
                max={thisYear}
                w={140}
                data-testid="htcds-export-year"
              />
              <SegmentedControl
                aria-label={t('exchange.export.format')}
                value={format}
                onChange={(v) => setFormat(v as 'xlsx' | 'csv')}
                data={[
                  { value: 'xlsx', label: 'XLSX' },
                  { value: 'csv', label: 'CSV' },
                ]}
              />
              <Button component="a" href={exportUrl(year, format, lng)} download data-testid="htcds-export">
                {t('exchange.export.download')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {can('report.generate') && <InternationalTablesPanel />}
      {can('open_dataset.publish') && <OpenDatasetPanel />}
    </Stack>
  );
}
