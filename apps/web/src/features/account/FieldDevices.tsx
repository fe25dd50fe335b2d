import { Alert, Badge, Button, Code, Group, Image, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { DeviceKeyCreated } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCreateDeviceKey, useDeviceKeys, useRevokeDeviceKey } from './device-keys-api.ts';

/**
 * Field devices (issue #14): a key for ODK Collect, KoboCollect or Enketo to send screenings as
 * her, shown once with the QR code Collect scans; listed without the key, revoked in one click.
 */
export function FieldDevices({ username }: { username: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const keys = useDeviceKeys(true);
  const create = useCreateDeviceKey();
  const revoke = useRevokeDeviceKey();
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<DeviceKeyCreated | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="field-devices-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="field-devices-title">
          {t('account.devices.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('account.devices.intro')}
        </Text>
        <Group align="end">
          <TextInput
            label={t('account.devices.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={80}
            w={280}
            data-testid="device-label"
          />
          <Button
            disabled={!label.trim()}
            loading={create.isPending}
            onClick={() =>
              create.mutate(label.trim(), {
                onSuccess: (k) => {
                  setCreated(k);
                  setLabel('');
                },
              })
            }
            data-testid="device-create"
          >
            {t('account.devices.create')}
          </Button>
        </Group>
        <ErrorAlert error={create.error ?? revoke.error} />
        {created && (
          <Alert color="green" title={t('account.devices.createdTitle')} data-testid="device-created">
            <Stack gap="xs">
              <Text size="sm">{t('account.devices.createdHelp')}</Text>
              <Image src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(created.collectQrSvg)}`} alt={t('account.devices.qrAlt')} w={220} h={220} />
              <Text size="sm">{t('account.devices.server')}</Text>
              <Code data-testid="device-server">{created.serverUrl}</Code>
              <Text size="sm">{t('account.devices.username')}</Text>
              <Code>{username}</Code>
              <Text size="sm">{t('account.devices.key')}</Text>
              <Code data-testid="device-key" style={{ overflowWrap: 'anywhere' }}>
                {created.key}
              </Code>
            </Stack>
          </Alert>
        )}
        {(keys.data?.items.length ?? 0) > 0 && (
          <DataTable minWidth={520} label={t('account.devices.list')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account.devices.label')}</Table.Th>
                <Table.Th>{t('account.devices.createdAt')}</Table.Th>
                <Table.Th>{t('account.devices.lastUsed')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data?.items.map((k) => (
                <Table.Tr key={k.id} data-testid="device-row">
                  <Table.Td>
                    <bdi>{k.label}</bdi>
                  </Table.Td>
                  <Table.Td>{formatDateTime(k.createdAt, lng)}</Table.Td>
                  <Table.Td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, lng) : t('account.devices.never')}</Table.Td>
                  <Table.Td>
                    {k.revokedAt ? (
                      <Badge color="gray">{t('account.devices.revoked')}</Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={revoke.isPending && revoke.variables === k.id}
                        onClick={() => revoke.mutate(k.id)}
                        data-testid="device-revoke"
                      >
                        {t('account.devices.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
      </Stack>
    </Paper>
  );
}
