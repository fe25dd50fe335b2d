import { Anchor, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { PROTECTION_STATUSES } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDate, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZE, useProtectionCases } from './api.ts';
import { ProtectionStatusBadge } from './protection-bits.tsx';

/** Protection cases in the reader's scope (her agency's; the coordinator's nationally, pseudonymised). */
export function ProtectionListPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { get, page, update } = useListParams();
  const status = get('status');
  const q = useProtectionCases({ status, page });
  return (
    <Stack>
      <Title order={1}>{t('protection.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('protection.fields.status')}
          value={status}
          onChange={(e) => update({ status: e.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...PROTECTION_STATUSES.map((s) => ({ value: s, label: t(`protectionStatus.${s}`) }))]}
          data-testid="protection-status-filter"
        />
      </SimpleGrid>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed">{t('protection.empty')}</Text>
      ) : (
        <>
          <DataTable minWidth={560} label={t('protection.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('protection.fields.reference')}</Table.Th>
                <Table.Th>{t('protection.fields.person')}</Table.Th>
                <Table.Th>{t('protection.fields.provider')}</Table.Th>
                <Table.Th>{t('protection.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((p) => (
                <Table.Tr key={p.id} data-testid="protection-row">
                  <Table.Td>
                    <Anchor component={Link} href={`/protection/${p.id}`} fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {p.reference}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDate(p.openedAt, lng)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <UserText>{p.personName ?? p.personLabel}</UserText>
                  </Table.Td>
                  <Table.Td>
                    <UserText>{agencyName(p.provider.name, lng)}</UserText>
                    <Text size="xs" c="dimmed">
                      {regionName(p.regionCode, lng)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ProtectionStatusBadge status={p.status} />
                    {p.inShelter && (
                      <Text size="xs" c="teal">
                        {t('protection.inShelter')}
                      </Text>
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
