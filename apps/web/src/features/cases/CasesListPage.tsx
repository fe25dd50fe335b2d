import { Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CASE_STATUSES, type CaseSummary } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { agencyName, formatDate, regionName, regionOptions } from '../../components/format.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZE, useCases } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { UserText } from '../../components/UserText.tsx';

function CaseRow({ c }: { c: CaseSummary }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const kinds = c.exploitationTypes.map((e) => t(`exploitation.${e}`)).join(', ');
  return (
    <Paper component={Link} href={`/cases/${c.id}`} data-testid="case-row" withBorder p="sm" className="row-link">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{c.reference}</Text>
          <Text size="sm">
            <UserText>{c.personName ?? c.personPseudonym}</UserText>
          </Text>
        </div>
        <StatusBadge status={c.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {[regionName(c.regionCode, lng), agencyName(c.ownerAgencyName, lng), kinds, t('cases.list.updated', { date: formatDate(c.updatedAt, lng) })]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Paper>
  );
}

export function CasesListPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { get, page, update } = useListParams();
  const filters = { status: get('status'), regionCode: get('regionCode'), q: get('q'), page };
  const cases = useCases(filters);
  const all = { value: '', label: t('common.all') };
  return (
    <Stack>
      <Title order={1}>{t('cases.list.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          data-testid="case-status-filter"
          label={t('cases.fields.status')}
          value={filters.status}
          onChange={(e) => update({ status: e.currentTarget.value })}
          data={[all, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))]}
        />
        <NativeSelect
          data-testid="case-region-filter"
          label={t('cases.fields.region')}
          value={filters.regionCode}
          onChange={(e) => update({ regionCode: e.currentTarget.value })}
          data={[all, ...regionOptions(lng)]}
        />
        <SearchInput
          testId="case-search"
          label={t('cases.list.search')}
          description={t('cases.list.searchHelp')}
          initial={filters.q}
          onSearch={(q) => update({ q })}
        />
      </SimpleGrid>
      <PagedList query={cases} page={page} pageSize={PAGE_SIZE} onPage={(p) => update({ page: p })} empty={t('cases.list.empty')}>
        {(c) => <CaseRow c={c} />}
      </PagedList>
    </Stack>
  );
}
