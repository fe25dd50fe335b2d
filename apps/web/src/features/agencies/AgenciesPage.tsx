import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Agency } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useAgencies, useUpdateAgency } from './api.ts';
import { AgencyFormModal } from './AgencyFormModal.tsx';
import { isolate, UserText } from '../../components/UserText.tsx';

export function AgenciesPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const agencies = useAgencies();
  const toggle = useUpdateAgency();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [toggling, setToggling] = useState<Agency | null>(null);
  const closeToggle = () => {
    setToggling(null);
    toggle.reset();
  };
  // Sorted by the name in the reader's language, as she reads it.
  const items = [...(agencies.data?.items ?? [])].sort((a, b) => agencyName(a.name, lng).localeCompare(agencyName(b.name, lng), lng));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('agencies.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="new-agency">
          {t('agencies.new')}
        </Button>
      </Group>
      <ErrorAlert error={agencies.error} onRetry={() => void agencies.refetch()} />
      {agencies.isPending && <Loading />}
      {agencies.data && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agencies.fields.name')}</Table.Th>
                <Table.Th>{t('agencies.fields.type')}</Table.Th>
                <Table.Th>{t('agencies.fields.region')}</Table.Th>
                <Table.Th>{t('agencies.fields.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id} data-testid="agency-row">
                  <Table.Td>
                    <UserText testId="agency-name">{agencyName(a.name, lng)}</UserText>
                  </Table.Td>
                  <Table.Td>{t(`agencyTypes.${a.type}`)}</Table.Td>
                  <Table.Td>{a.regionCode ? regionName(a.regionCode, lng) : t('agencies.nationalLevel')}</Table.Td>
                  <Table.Td>
                    <Badge color={a.disabled ? 'red' : 'green'}>{a.disabled ? t('agencies.status.disabled') : t('agencies.status.active')}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Button size="compact-sm" variant="light" onClick={() => setEditing(a)}>
                        {t('common.edit')}
                      </Button>
                      <Button size="compact-sm" variant="light" color={a.disabled ? 'teal' : 'red'} onClick={() => setToggling(a)}>
                        {a.disabled ? t('agencies.actions.enable') : t('agencies.actions.disable')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {items.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
        </Table.ScrollContainer>
      )}
      {editing !== null && <AgencyFormModal agency={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={toggling !== null}
        title={toggling?.disabled ? t('agencies.actions.enable') : t('agencies.actions.disable')}
        confirmLabel={toggling?.disabled ? t('agencies.actions.enable') : t('agencies.actions.disable')}
        danger={!toggling?.disabled}
        loading={toggle.isPending}
        error={toggle.error}
        onClose={closeToggle}
        onConfirm={() => toggling && toggle.mutate({ id: toggling.id, body: { disabled: !toggling.disabled } }, { onSuccess: closeToggle })}
      >
        {toggling?.disabled
          ? t('agencies.actions.enableConfirm', { name: isolate(agencyName(toggling?.name, lng)) })
          : t('agencies.actions.disableConfirm', { name: isolate(agencyName(toggling?.name, lng)) })}
      </ConfirmModal>
    </Stack>
  );
}
