import { ActionIcon, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { OfficialFigure } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { formatCount } from '../statistics/labels.ts';
import { useDeleteOfficialFigure, useOfficialFigures } from './api.ts';
import { OfficialFigureForm } from './OfficialFigureForm.tsx';
import { OfficialFiguresImport } from './OfficialFiguresImport.tsx';
import { useFigureLabels } from './labels.ts';
import { StatisticsTabs } from '../statistics/StatisticsTabs.tsx';
import '../statistics/statistics.css';

/**
 * Official figures of years before the register (issue #13 item 7): what the government
 * published, by year, each marked official with its source. Whoever reads statistics sees them;
 * the national coordinator (official_figures.manage) enters, corrects, deletes and imports them.
 */
export function OfficialFiguresPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const manage = can('official_figures.manage');
  const figures = useOfficialFigures();
  const remove = useDeleteOfficialFigure();
  const label = useFigureLabels();
  const years = [...new Set((figures.data?.items ?? []).map((f) => f.year))].sort((a, b) => b - a);

  return (
    <Stack gap="lg">
      <StatisticsTabs />
      <div>
        <Title order={1}>{t('officialFigures.title')}</Title>
        <Text c="dimmed" mt="xs" maw={760}>
          {t('officialFigures.intro')}
        </Text>
      </div>
      {manage && <OfficialFigureForm />}
      {manage && <OfficialFiguresImport />}
      <Title order={2} size="h3">
        {t('officialFigures.byYear')}
      </Title>
      {figures.isPending && <Loading />}
      <ErrorAlert error={figures.error ?? remove.error} onRetry={figures.error ? () => void figures.refetch() : undefined} />
      {figures.data && years.length === 0 && <Text c="dimmed">{t('officialFigures.none')}</Text>}
      {years.map((year) => {
        const rows = (figures.data?.items ?? []).filter((f) => f.year === year);
        return (
          <Paper key={year} withBorder p="md" data-testid={`official-year-${year}`}>
            <Title order={3} size="h4" mb="sm">
              {year}{' '}
              <Badge variant="light" color="grape" ml="xs">
                {t('officialFigures.official')}
              </Badge>
            </Title>
            <DataTable minWidth={640} label={t('officialFigures.yearTable', { year })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('officialFigures.column.figure')}</Table.Th>
                  <Table.Th>{t('officialFigures.column.breakdown')}</Table.Th>
                  <Table.Th ta="right">{t('officialFigures.column.value')}</Table.Th>
                  <Table.Th>{t('officialFigures.column.source')}</Table.Th>
                  {manage && <Table.Th aria-label={t('officialFigures.delete')} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((f: OfficialFigure) => (
                  <Table.Tr key={f.id}>
                    <Table.Td fw={f.dimension ? undefined : 600}>{f.dimension ? '' : label.figure(f.figure)}</Table.Td>
                    <Table.Td>
                      {f.dimension ? `${label.dimension(f.dimension)}: ${label.category(f.dimension, f.category)}` : t('officialFigures.total')}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatCount(f.value, lng)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <bdi>{f.source}</bdi>
                      </Text>
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('officialFigures.deleteOne', { figure: label.figure(f.figure), year })}
                          loading={remove.isPending && remove.variables === f.id}
                          onClick={() => {
                            if (window.confirm(t('officialFigures.confirmDelete'))) remove.mutate(f.id);
                          }}
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          </Paper>
        );
      })}
    </Stack>
  );
}
