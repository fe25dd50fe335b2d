import { Anchor, Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { CAPACITY_COLUMNS, type CapacityRow } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCapacityBoard } from './api.ts';
import { RegionMap } from './RegionMap.tsx';

const cell = (n: number) => <Text c={n === 0 ? 'dimmed' : undefined}>{n}</Text>;

/** Free shelter places by region and by whom the shelters take (issue #10): a table and a map of the regions. */
export function CapacityPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const board = useCapacityBoard();
  if (board.isPending) return <Loading />;
  if (!board.data) return <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />;
  const rows = [...board.data.rows].sort((a, b) => regionName(a.regionCode, lng).localeCompare(regionName(b.regionCode, lng), lng));
  const { totals } = board.data;
  const line = (r: Omit<CapacityRow, 'regionCode'>) => (
    <>
      <Table.Td>{cell(r.shelters)}</Table.Td>
      <Table.Td>
        <Text fw={700} c={r.free === 0 && r.shelters > 0 ? 'red.8' : undefined}>
          {r.free}
        </Text>
      </Table.Td>
      {CAPACITY_COLUMNS.map((g) => (
        <Table.Td key={g}>{cell(r.freeBy[g])}</Table.Td>
      ))}
    </>
  );
  return (
    <Stack>
      <Title order={1}>{t('capacity.title')}</Title>
      <Text c="dimmed">{t('capacity.intro', { free: totals.free, capacity: totals.capacity, shelters: totals.shelters })}</Text>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="sm">
            <RegionMap rows={board.data.rows} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Text size="sm">{t('capacity.tableHelp')}</Text>
        </Grid.Col>
      </Grid>
      <DataTable minWidth={820} label={t('capacity.tableLabel')} striped data-testid="capacity-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('providers.fields.region')}</Table.Th>
            <Table.Th scope="col">{t('capacity.shelters')}</Table.Th>
            <Table.Th scope="col">{t('capacity.free')}</Table.Th>
            {CAPACITY_COLUMNS.map((g) => (
              <Table.Th scope="col" key={g}>
                {t(`providerEligibility.${g}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.regionCode} data-testid="capacity-row" data-region={r.regionCode} data-free={r.free}>
              <Table.Th scope="row" fw={400}>
                {r.shelters > 0 ? (
                  <Anchor component={Link} href={`/providers?regionCode=${r.regionCode}`}>
                    {regionName(r.regionCode, lng)}
                  </Anchor>
                ) : (
                  regionName(r.regionCode, lng)
                )}
              </Table.Th>
              {line(r)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="capacity-totals" data-free={totals.free}>
            <Table.Th scope="row">{t('capacity.total')}</Table.Th>
            {line(totals)}
          </Table.Tr>
        </Table.Tfoot>
      </DataTable>
    </Stack>
  );
}
