import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReferralSummary } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCurrentUser } from '../auth/current-user.tsx';
import { PAGE_SIZE, useReferrals } from './api.ts';
import { ReferralStatusBadges } from './ReferralBadges.tsx';

function Row({ r }: { r: ReferralSummary }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Table.Tr data-testid="referral-row" data-referral-id={r.id}>
      <Table.Td>
        <Anchor component={Link} href={`/referrals/${r.id}`} fw={600}>
          {r.reference}
        </Anchor>
        <Text size="sm" c="dimmed">
          <UserText>{r.personName ?? r.personPseudonym}</UserText>
        </Text>
      </Table.Td>
      <Table.Td>
        <UserText>{agencyName(r.providerName, lng)}</UserText>
        <Text size="sm" c="dimmed">
          {r.services.map((s) => t(`providerService.${s}`)).join(', ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <ReferralStatusBadges r={r} />
      </Table.Td>
      <Table.Td>{r.status === 'sent' ? formatDateTime(r.dueAt, lng) : '—'}</Table.Td>
    </Table.Tr>
  );
}

/** Referrals sent by my agency and received by it (issue #10), newest first. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { get, page, update } = useListParams();
  // A shelter receives referrals; the others send them first.
  const fallback = me.role === 'shelter_manager' ? 'received' : me.role === 'national_coordinator' ? 'all' : 'sent';
  const box = (['sent', 'received', 'all'].includes(get('box')) ? get('box') : fallback) as 'sent' | 'received' | 'all';
  const list = useReferrals({ box, page });
  return (
    <Stack>
      <Title order={1}>{t('referrals.title')}</Title>
      <Group gap="xs">
        {(['sent', 'received', 'all'] as const).map((b) => (
          <Button
            key={b}
            size="sm"
            variant={b === box ? 'filled' : 'light'}
            aria-pressed={b === box}
            data-testid={`referral-box-${b}`}
            onClick={() => update({ box: b })}
          >
            {t(`referrals.${b}`)}
          </Button>
        ))}
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending && <Loading />}
      {list.data && (
        <>
          <DataTable minWidth={720} label={t('referrals.title')} striped verticalSpacing="sm" aria-busy={list.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('referrals.reference')}</Table.Th>
                <Table.Th>{t('referrals.provider')}</Table.Th>
                <Table.Th>{t('referrals.status')}</Table.Th>
                <Table.Th>{t('referrals.dueAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Row key={r.id} r={r} />
              ))}
            </Table.Tbody>
          </DataTable>
          {list.data.items.length === 0 && <Text c="dimmed">{t('referrals.empty')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => update({ page: p })} />
        </>
      )}
    </Stack>
  );
}
