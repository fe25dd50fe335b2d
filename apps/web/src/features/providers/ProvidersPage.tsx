import { Anchor, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { PROVIDER_ELIGIBILITY, PROVIDER_SERVICES, type Provider, roleMayManageProviders } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, regionName, regionOptions } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCurrentUser } from '../auth/current-user.tsx';
import { PAGE_SIZE, useProviders } from './api.ts';
import { MyShelter } from './MyShelter.tsx';
import { ContactLinks, EligibilityBadges, FreePlaces } from './provider-bits.tsx';

function ProviderRow({ p }: { p: Provider }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Table.Tr data-testid="provider-row" data-provider-id={p.id}>
      <Table.Td>
        <Anchor component={Link} href={`/providers/${p.id}`} fw={600}>
          <UserText>{agencyName(p.name, lng)}</UserText>
        </Anchor>
        <Text size="sm" c="dimmed">
          {[t(`providerKind.${p.kind}`), regionName(p.regionCode, lng), t(`settlement.${p.settlement}`)].join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <FreePlaces p={p} />
      </Table.Td>
      <Table.Td>
        <EligibilityBadges eligibility={p.eligibility} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{p.services.map((s) => t(`providerService.${s}`)).join(', ')}</Text>
      </Table.Td>
      <Table.Td>
        <ContactLinks contacts={p.contacts} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The provider directory (issue #10): where to send a person, with free places and contacts. */
export function ProvidersPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const me = useCurrentUser();
  const { get, page, update } = useListParams();
  const filters = { regionCode: get('regionCode'), service: get('service'), eligibility: get('eligibility'), freeOnly: get('free') === '1', q: get('q'), page };
  const providers = useProviders(filters);
  const all = { value: '', label: t('common.all') };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('providers.title')}</Title>
        <Group gap="xs">
          <Button component={Link} href="/capacity" variant="light" data-testid="open-capacity">
            {t('capacity.title')}
          </Button>
          {roleMayManageProviders(me.role, 'create') && (
            <Button component={Link} href="/providers/new" data-testid="new-provider">
              {t('providers.new')}
            </Button>
          )}
        </Group>
      </Group>
      {me.role === 'shelter_manager' && <MyShelter />}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <NativeSelect
          data-testid="provider-region-filter"
          label={t('providers.fields.region')}
          value={filters.regionCode}
          onChange={(e) => update({ regionCode: e.currentTarget.value })}
          data={[all, ...regionOptions(lng)]}
        />
        <NativeSelect
          data-testid="provider-service-filter"
          label={t('providers.fields.service')}
          value={filters.service}
          onChange={(e) => update({ service: e.currentTarget.value })}
          data={[all, ...PROVIDER_SERVICES.map((s) => ({ value: s, label: t(`providerService.${s}`) }))]}
        />
        <NativeSelect
          data-testid="provider-eligibility-filter"
          label={t('providers.fields.eligibility')}
          value={filters.eligibility}
          onChange={(e) => update({ eligibility: e.currentTarget.value })}
          data={[all, ...PROVIDER_ELIGIBILITY.map((s) => ({ value: s, label: t(`providerEligibility.${s}`) }))]}
        />
        <SearchInput testId="provider-search" label={t('providers.search')} initial={filters.q} onSearch={(q) => update({ q })} />
      </SimpleGrid>
      <Checkbox
        data-testid="provider-free-filter"
        label={t('providers.freeOnly')}
        checked={filters.freeOnly}
        onChange={(e) => update({ free: e.currentTarget.checked ? '1' : null })}
      />
      <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />
      {providers.isPending && <Loading />}
      {providers.data && (
        <>
          <DataTable minWidth={860} label={t('providers.title')} striped verticalSpacing="sm" aria-busy={providers.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('providers.fields.name')}</Table.Th>
                <Table.Th>{t('providers.fields.free')}</Table.Th>
                <Table.Th>{t('providers.fields.eligibility')}</Table.Th>
                <Table.Th>{t('providers.fields.services')}</Table.Th>
                <Table.Th>{t('providers.fields.contacts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {providers.data.items.map((p) => (
                <ProviderRow key={p.id} p={p} />
              ))}
            </Table.Tbody>
          </DataTable>
          {providers.data.items.length === 0 && <Text c="dimmed">{t('providers.empty')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={providers.data.total} onChange={(p) => update({ page: p })} />
        </>
      )}
    </Stack>
  );
}
