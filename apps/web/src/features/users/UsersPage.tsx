import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { AccessGrant, User } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDateTime, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { PAGE_SIZE, useUsers } from './api.ts';
import { useGrants } from './grants-api.ts';
import { GrantsPanel } from './GrantsPanel.tsx';
import { TemporaryPasswordModal } from './TemporaryPasswordModal.tsx';
import { UserActions } from './UserActions.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UserText } from '../../components/UserText.tsx';
import { DataTable } from '../../components/DataTable.tsx';

function UserStatus({ user, grant }: { user: User; grant: AccessGrant | undefined }) {
  const { t } = useTranslation();
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
  return (
    <Stack gap={4} align="flex-start" miw={140}>
      {user.disabled ? (
        <Badge color="red">{t('users.status.disabled')}</Badge>
      ) : (
        // A new account awaiting approval is not active yet: it cannot sign in.
        !(grant?.newAccount || grant?.reset) && <Badge color="green">{t('users.status.active')}</Badge>
      )}
      {locked && <Badge color="orange">{t('users.status.locked')}</Badge>}
      {grant && (
        <Badge color="orange" variant="light" data-testid="awaiting-approval">
          {grant.newAccount || grant.reset ? t('users.status.awaitingApproval') : t('users.status.changeAwaitingApproval')}
        </Badge>
      )}
      <Badge variant="outline" color={user.twoFactorEnabled ? 'teal' : 'gray'}>
        {user.twoFactorEnabled ? t('users.status.twoFactorOn') : t('users.status.twoFactorOff')}
      </Badge>
    </Stack>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { get, page, update } = useListParams();
  const q = get('q');
  const users = useUsers(q, page);
  const can = useCan();
  const pendingGrants = useGrants('pending', 100, can('grant.approve'));
  const grantOf = (u: User) => pendingGrants.data?.items.find((g) => g.user.id === u.id);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [temporary, setTemporary] = useState<{ username: string; password: string; awaitingApproval: boolean } | null>(null);
  const showTemporary = (username: string, password: string, awaitingApproval: boolean) => setTemporary({ username, password, awaitingApproval });
  const jurisdiction = (u: User) =>
    u.jurisdiction.national ? t('users.jurisdiction.national') : u.jurisdiction.regions.map((r) => regionName(r, lng)).join(', ');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('users.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="new-user">
          {t('users.new')}
        </Button>
      </Group>
      {can('grant.approve') && <GrantsPanel showRecent={false} />}
      <SearchInput testId="user-search" label={t('users.search')} initial={q} onSearch={(v) => update({ q: v })} />
      <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      {users.isPending && <Loading />}
      {users.data && (
        <>
          <DataTable minWidth={900} label={t('users.title')} striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.fields.displayName')}</Table.Th>
                <Table.Th>{t('users.fields.role')}</Table.Th>
                <Table.Th>{t('users.fields.agency')}</Table.Th>
                <Table.Th>{t('users.fields.jurisdiction')}</Table.Th>
                <Table.Th>{t('users.fields.status')}</Table.Th>
                <Table.Th>{t('users.fields.lastSignIn')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((u) => (
                <Table.Tr key={u.id} data-testid="user-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      <UserText>{u.displayName}</UserText>
                    </Text>
                    <Text size="xs" c="dimmed">
                      <UserText>{u.username}</UserText>
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>
                    <UserText>{agencyName(u.agencyName, lng)}</UserText>
                  </Table.Td>
                  <Table.Td>{jurisdiction(u)}</Table.Td>
                  <Table.Td>
                    <UserStatus user={u} grant={grantOf(u)} />
                  </Table.Td>
                  <Table.Td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt, lng) : t('users.neverSignedIn')}</Table.Td>
                  <Table.Td>
                    <UserActions user={u} onEdit={() => setEditing(u)} onPasswordReset={showTemporary} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
          {users.data.items.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onChange={(p) => update({ page: p })} />
        </>
      )}
      {editing !== null && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(username, password, awaitingApproval) => {
            setEditing(null);
            showTemporary(username, password, awaitingApproval);
          }}
        />
      )}
      <TemporaryPasswordModal result={temporary} onClose={() => setTemporary(null)} />
    </Stack>
  );
}
