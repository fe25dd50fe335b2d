import { Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FundingOverview, FundingRegionRow } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { kazakhstanToday, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { formatTenge } from '../protection/api.ts';
import { formatUsd, useFunding } from './api.ts';
import { AllocationForm, RateForm } from './FundingForms.tsx';
import { StatisticsTabs } from '../statistics/StatisticsTabs.tsx';
import '../statistics/statistics.css';

const FIRST_YEAR = 2015;

function Shortfalls({ row }: { row: FundingRegionRow }) {
  const { t } = useTranslation();
  if (row.shortfalls.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('funding.covered')}
      </Text>
    );
  return (
    <Group gap={4}>
      {row.shortfalls.map((s) => (
        <Badge
          key={s}
          color="red"
          variant="light"
          tt="none"
          h="auto"
          py={2}
          data-testid={`shortfall-${row.region}-${s}`}
          styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } }}
        >
          {t(`funding.shortfall.${s}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** The regions, their load and the three formulas: a table on a wide screen, a card a region on a phone. */
function RegionsView({ data }: { data: FundingOverview }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const tg = (n: number | null) => (n === null ? '—' : formatTenge(n, lng));
  const ratio = (n: number | null) => (n === null ? '—' : n.toLocaleString(lng, { maximumFractionDigits: 1 }));
  // Regions with nothing to share by (no money, case, victim or night): listed under "where help is" only.
  const rows = data.rows.filter((r) => r.allocation.tenge > 0 || r.cases > 0 || r.victims > 0 || r.bedDays > 0);
  if (rows.length === 0) return <Text c="dimmed">{t('funding.noRegions')}</Text>;
  if (narrow)
    return (
      <Stack gap="sm">
        {rows.map((r) => (
          <Paper key={r.region} withBorder p="sm" data-testid={`funding-region-${r.region}`}>
            <Text fw={700}>{regionName(r.region, lng)}</Text>
            <Text size="sm">
              {t('funding.allocated')}: <b>{tg(r.allocation.tenge)}</b> ({formatUsd(r.allocation.usd, lng)})
            </Text>
            <Text size="sm" c="dimmed">
              {t('funding.loadLine', { cases: r.cases, victims: r.victims, bedDays: r.bedDays })}
            </Text>
            <SimpleGrid cols={3} spacing={4} mt={4}>
              {(['perCase', 'perVictim', 'perBedDay'] as const).map((f) => (
                <div key={f}>
                  <Text size="xs" c="dimmed">
                    {t(`funding.formula.${f}`)}
                  </Text>
                  <Text size="sm" fw={600}>
                    {tg(r[f].tenge)}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
            <Shortfalls row={r} />
          </Paper>
        ))}
      </Stack>
    );
  return (
    <DataTable minWidth={1100} label={t('funding.regionsTitle')} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('funding.region')}</Table.Th>
          <Table.Th ta="right">{t('funding.allocated')}</Table.Th>
          <Table.Th ta="right">{t('funding.cases')}</Table.Th>
          <Table.Th ta="right">{t('funding.victims')}</Table.Th>
          <Table.Th ta="right">{t('funding.victimsPerCase')}</Table.Th>
          <Table.Th ta="right">{t('funding.bedDays')}</Table.Th>
          <Table.Th ta="right">{t('funding.formula.perCase')}</Table.Th>
          <Table.Th ta="right">{t('funding.formula.perVictim')}</Table.Th>
          <Table.Th ta="right">{t('funding.formula.perBedDay')}</Table.Th>
          <Table.Th miw={170}>{t('funding.shortfallTitle')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.region} data-testid={`funding-region-${r.region}`}>
            <Table.Td>{regionName(r.region, lng)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {tg(r.allocation.tenge)}
              <Text size="xs" c="dimmed">
                {formatUsd(r.allocation.usd, lng)}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{r.cases}</Table.Td>
            <Table.Td ta="right">{r.victims}</Table.Td>
            <Table.Td ta="right">{ratio(r.victimsPerCase)}</Table.Td>
            <Table.Td ta="right">{r.bedDays}</Table.Td>
            {(['perCase', 'perVictim', 'perBedDay'] as const).map((f) => (
              <Table.Td key={f} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {tg(r[f].tenge)}
              </Table.Td>
            ))}
            <Table.Td>
              <Shortfalls row={r} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

function AllocationsTable({ data }: { data: FundingOverview }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  if (data.allocations.length === 0) return <Text c="dimmed">{t('funding.noAllocations')}</Text>;
  return (
    <DataTable minWidth={640} label={t('funding.allocationsTitle')} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('funding.region')}</Table.Th>
          <Table.Th>{t('funding.allocation.shelter')}</Table.Th>
          <Table.Th ta="right">{t('funding.allocation.amount')}</Table.Th>
          <Table.Th ta="right">{t('funding.usd')}</Table.Th>
          <Table.Th>{t('funding.source')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.allocations.map((a) => (
          <Table.Tr key={a.id} data-testid="allocation-row">
            <Table.Td>{regionName(a.regionCode, lng)}</Table.Td>
            <Table.Td>
              {a.purpose === 'victim_witness' ? t('funding.purpose.victim_witness') : (a.providerName?.[lng] ?? t('funding.allocation.regionWide'))}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatTenge(a.amountTenge, lng)}
            </Table.Td>
            <Table.Td ta="right">{formatUsd(a.amountUsd, lng)}</Table.Td>
            <Table.Td>
              <bdi>{a.source}</bdi>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

/** Where help is (DOMAIN.md §6: labour cases are mostly rural, services urban). */
function WhereHelpIs({ data }: { data: FundingOverview }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <DataTable minWidth={560} label={t('funding.helpTitle')} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('funding.region')}</Table.Th>
          <Table.Th ta="right">{t('funding.victims')}</Table.Th>
          <Table.Th ta="right">{t('funding.labourVictims')}</Table.Th>
          <Table.Th ta="right">{t('funding.providersUrban')}</Table.Th>
          <Table.Th ta="right">{t('funding.providersRural')}</Table.Th>
          <Table.Th ta="right">{t('funding.shelterBeds')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.rows.map((r) => (
          <Table.Tr key={r.region}>
            <Table.Td>{regionName(r.region, lng)}</Table.Td>
            <Table.Td ta="right">{r.victims}</Table.Td>
            <Table.Td ta="right">{r.labourVictims}</Table.Td>
            <Table.Td ta="right">{r.providersUrban}</Table.Td>
            <Table.Td
              ta="right"
              c={r.labourVictims > 0 && r.providersRural === 0 ? 'red' : undefined}
              fw={r.labourVictims > 0 && r.providersRural === 0 ? 700 : undefined}
            >
              {r.providersRural}
            </Table.Td>
            <Table.Td ta="right">{r.shelterBeds}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

/**
 * Funding (issue #13 item 4): what each region's shelters were given, in tenge and in dollars at
 * the year's stated rate; today's per-case formula beside per-victim and per-bed-day formulas for
 * the same total; and the shortfalls where a region's victims or bed-days exceed what it got.
 */
export function FundingPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const { get, update } = useListParams();
  const thisYear = Number(kazakhstanToday().slice(0, 4));
  const year = Number(get('year')) || thisYear;
  const q = useFunding(year);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const perUnit = (n: number | null) => (n === null ? '—' : formatTenge(Math.round(n), lng));
  return (
    <Stack>
      <StatisticsTabs />
      <Title order={1}>{t('funding.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('funding.intro')}
      </Text>
      <NativeSelect
        label={t('funding.year')}
        value={String(year)}
        onChange={(e) => update({ year: e.currentTarget.value })}
        data={years}
        maw={200}
        data-testid="funding-year"
      />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed">
                {t('funding.totalShelters', { n: q.data.totals.sheltersFunded })}
              </Text>
              <Text fw={700} size="xl" data-testid="funding-total">
                {formatTenge(q.data.totals.shelterTenge, lng)}
              </Text>
              <Text data-testid="funding-total-usd">{formatUsd(q.data.totals.shelterUsd, lng)}</Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed">
                {t('funding.purpose.victim_witness')}
              </Text>
              <Text fw={700} size="xl">
                {formatTenge(q.data.totals.victimWitnessTenge, lng)}
              </Text>
              <Text>{formatUsd(q.data.totals.victimWitnessUsd, lng)}</Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed">
                {t('funding.rate.label')}
              </Text>
              <Text fw={700} size="xl" data-testid="funding-rate">
                {q.data.rate ? t('funding.rate.value', { rate: q.data.rate.tengePerUsd.toLocaleString(lng) }) : t('funding.rate.none')}
              </Text>
              {q.data.rate && (
                <Text size="sm">
                  <bdi>{q.data.rate.source}</bdi>
                </Text>
              )}
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={2} size="h4">
              {t('funding.howTitle')}
            </Title>
            <Text size="sm">{t('funding.how')}</Text>
            <Text size="sm" mt="xs">
              {t('funding.national', {
                perCase: perUnit(q.data.national.tengePerCase),
                perVictim: perUnit(q.data.national.tengePerVictim),
                perBedDay: perUnit(q.data.national.tengePerBedDay),
              })}
            </Text>
            <Text size="sm" mt="xs" data-testid="funding-rule">
              {t('funding.rule', {
                stay: q.data.national.averageStayDays === null ? '—' : q.data.national.averageStayDays.toLocaleString(lng, { maximumFractionDigits: 1 }),
              })}
            </Text>
            <Text size="xs" c="dimmed" mt="xs">
              {t('funding.casesDefinition')}
            </Text>
          </Paper>
          <Title order={2} size="h3">
            {t('funding.regionsTitle')}
          </Title>
          <RegionsView data={q.data} />
          <Title order={2} size="h3">
            {t('funding.helpTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('funding.helpIntro')}
          </Text>
          <WhereHelpIs data={q.data} />
          <Title order={2} size="h3">
            {t('funding.allocationsTitle')}
          </Title>
          <AllocationsTable data={q.data} />
          {can('funding.manage') && (
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <RateForm key={`rate-${year}-${q.data.rate?.tengePerUsd ?? ''}`} year={year} current={q.data.rate} />
              <AllocationForm key={`allocation-${year}`} year={year} />
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
