import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { CRIMINAL_STAGES } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDate, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan, useCurrentUser } from '../auth/current-user.tsx';
import { PAGE_SIZE, useCriminalCases } from './api.ts';
import { StageBadge } from './justice-bits.tsx';
import { jurisdictionRegionOptions } from './region-choices.ts';

/** Criminal cases in the reader's scope (issue #11 item 1), by stage, region and ERDR number. */
export function CriminalCasesListPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const me = useCurrentUser();
  const can = useCan();
  const { get, page, update } = useListParams();
  const stage = get('stage');
  const regionCode = get('region');
  const search = get('q');
  const q = useCriminalCases({ stage, regionCode, q: search, page });
  const regions = jurisdictionRegionOptions(me, lng);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('justice.title')}</Title>
        <Group gap="xs">
          <Button component={Link} href="/justice/figures" variant="light" data-testid="justice-figures-link">
            {t('justice.figures.link')}
          </Button>
          {can('criminal_case.create') && (
            <Button component={Link} href="/criminal-cases/new" data-testid="register-criminal-case">
              {t('justice.register.button')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <SearchInput
          label={t('justice.fields.erdrNumber')}
          description={t('justice.list.searchHint')}
          initial={search}
          onSearch={(v) => update({ q: v.replace(/\D/g, '').slice(0, 15) })}
          testId="criminal-case-search"
        />
        <NativeSelect
          label={t('justice.fields.stage')}
          value={stage}
          onChange={(e) => update({ stage: e.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...CRIMINAL_STAGES.map((s) => ({ value: s, label: t(`justice.stage.${s}`) }))]}
          data-testid="criminal-case-stage-filter"
        />
        {regions.length > 1 && (
          <NativeSelect
            label={t('justice.fields.region')}
            value={regionCode}
            onChange={(e) => update({ region: e.currentTarget.value })}
            data={[{ value: '', label: t('common.all') }, ...regions]}
            data-testid="criminal-case-region-filter"
          />
        )}
      </SimpleGrid>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="criminal-cases-empty">
          {t('justice.list.empty')}
        </Text>
      ) : (
        <>
          <DataTable minWidth={560} label={t('justice.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('justice.fields.erdrNumber')}</Table.Th>
                <Table.Th>{t('justice.fields.articles')}</Table.Th>
                <Table.Th>{t('justice.fields.stage')}</Table.Th>
                <Table.Th>{t('justice.fields.deadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((c) => (
                <Table.Tr key={c.id} data-testid="criminal-case-row">
                  <Table.Td>
                    <Anchor component={Link} href={`/criminal-cases/${c.id}`} fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="criminal-case-link">
                      {c.erdrNumber}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDate(c.registeredOn, lng)} · {regionName(c.regionCode, lng)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <UserText>{agencyName(c.ownerAgency.name, lng)}</UserText>
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.articles.map((a) => t('justice.articleShort', { code: a })).join(', ')}</Table.Td>
                  <Table.Td>
                    <StageBadge stage={c.stage} />
                    <Text size="xs" c="dimmed">
                      {formatDate(c.stageOn, lng)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c.deadlineOn ? formatDate(c.deadlineOn, lng) : '—'}
                    {c.overdue && (
                      <Badge color="red" variant="light" ml={4} data-testid="criminal-case-overdue">
                        {t('justice.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
          <Pager page={page} pageSize={PAGE_SIZE} total={q.data.total} onChange={(p) => update({ page: String(p) })} />
        </>
      )}
    </Stack>
  );
}
