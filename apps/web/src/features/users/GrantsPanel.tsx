import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AccessGrant } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDateTime, regionName } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useDecideGrant, useGrants } from './grants-api.ts';
import { isolate, UserText } from '../../components/UserText.tsx';

const STATUS_COLOR = { pending: 'orange', approved: 'green', rejected: 'red' } as const;

function Access({ access }: { access: AccessGrant['requested'] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const where = access.jurisdiction.national ? t('users.jurisdiction.national') : access.jurisdiction.regions.map((r) => regionName(r, lng)).join(', ');
  return (
    <>
      {t(`roles.${access.role}`)} · {where}
    </>
  );
}

function GrantRow({ g, onDecide }: { g: AccessGrant; onDecide: (g: AccessGrant, decision: 'approve' | 'reject') => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Paper withBorder p="sm" data-testid="grant-row" data-username={g.user.username}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>
              <UserText>{g.user.displayName}</UserText>
            </Text>
            <Text size="sm" c="dimmed">
              {g.user.username} · <UserText>{agencyName(g.user.agencyName, lng)}</UserText>
            </Text>
          </Group>
          <Text size="sm">
            {g.reset ? t('grants.reset') : g.newAccount ? t('grants.newAccount') : t('grants.change')}: <Access access={g.requested} />
          </Text>
          {g.agencyMove && (
            <Text size="sm" data-testid="grant-agency-move">
              {t('grants.agencyMove', { from: isolate(agencyName(g.agencyMove.from, lng)), to: isolate(agencyName(g.agencyMove.to, lng)) })}
            </Text>
          )}
          {g.previous && !g.reset && (
            <Text size="sm" c="dimmed">
              {t('grants.previous')}: <Access access={g.previous} />
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('grants.requestedBy', { name: isolate(g.requestedBy.displayName), date: formatDateTime(g.requestedAt, lng) })}
            {g.decidedBy && g.decidedAt
              ? ` · ${t('grants.decidedBy', { name: isolate(g.decidedBy.displayName), date: formatDateTime(g.decidedAt, lng) })}`
              : ''}
          </Text>
        </Stack>
        {/* Pushed to the right edge also when it wraps under the request (narrow screens). */}
        <Stack gap="xs" align="flex-end" ml="auto">
          <Badge color={STATUS_COLOR[g.status]} variant="light" data-testid="grant-status">
            {t(`grants.status.${g.status}`)}
          </Badge>
          {g.status === 'pending' &&
            (g.canDecide ? (
              <Group gap="xs">
                <Button size="xs" onClick={() => onDecide(g, 'approve')} data-testid="grant-approve">
                  {t('grants.approve')}
                </Button>
                <Button size="xs" variant="default" color="red" onClick={() => onDecide(g, 'reject')} data-testid="grant-reject">
                  {t('grants.reject')}
                </Button>
              </Group>
            ) : (
              <Text size="xs" c="dimmed" maw={220} ta="right">
                {t('grants.notYours')}
              </Text>
            ))}
        </Stack>
      </Group>
    </Paper>
  );
}

/** What approving or rejecting does: a rejected change leaves the account's access as it is. */
function confirmKey(g: AccessGrant, decision: 'approve' | 'reject') {
  if (g.reset) return decision === 'approve' ? 'grants.approveResetText' : 'grants.rejectResetText';
  if (decision === 'approve') return 'grants.approveText';
  return g.newAccount ? 'grants.rejectText' : 'grants.rejectChangeText';
}

/**
 * Four-eyes grants (issue #8): what waits for a second person's approval, and (on the
 * coordinator's home page) the recent decisions. The server decides who may decide
 * (`canDecide`): never the requester, never the account's owner.
 */
export function GrantsPanel({ showRecent }: { showRecent: boolean }) {
  const { t } = useTranslation();
  const pending = useGrants('pending', 50);
  const recent = useGrants('decided', 10, showRecent);
  const decide = useDecideGrant();
  const [confirming, setConfirming] = useState<{ g: AccessGrant; decision: 'approve' | 'reject' } | null>(null);
  const pendingItems = pending.data?.items ?? [];
  return (
    <Stack gap="xs" data-testid="grants-panel">
      <Title order={2} size="h4">
        {t('grants.pendingTitle')} {pending.data ? `(${pending.data.total})` : ''}
      </Title>
      <Text size="sm" c="dimmed">
        {t('grants.hint')}
      </Text>
      <ErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />
      {pending.data && pendingItems.length === 0 && <Text c="dimmed">{t('grants.nonePending')}</Text>}
      {pendingItems.map((g) => (
        <GrantRow key={g.id} g={g} onDecide={(x, decision) => setConfirming({ g: x, decision })} />
      ))}
      {showRecent && (
        <>
          <Title order={3} size="h5" mt="sm">
            {t('grants.recentTitle')}
          </Title>
          <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} />
          {recent.data && recent.data.items.length === 0 && <Text c="dimmed">{t('grants.noneRecent')}</Text>}
          {recent.data?.items.map((g) => (
            <GrantRow key={g.id} g={g} onDecide={() => undefined} />
          ))}
        </>
      )}
      <ConfirmModal
        opened={confirming !== null}
        title={confirming?.decision === 'approve' ? t('grants.approveTitle') : t('grants.rejectTitle')}
        confirmLabel={confirming?.decision === 'approve' ? t('grants.approve') : t('grants.reject')}
        danger={confirming?.decision === 'reject'}
        loading={decide.isPending}
        error={decide.error}
        onClose={() => {
          setConfirming(null);
          decide.reset();
        }}
        onConfirm={() => confirming && decide.mutate({ id: confirming.g.id, decision: confirming.decision }, { onSuccess: () => setConfirming(null) })}
      >
        {confirming &&
          t(confirmKey(confirming.g, confirming.decision), {
            name: isolate(confirming.g.user.displayName),
            role: t(`roles.${confirming.g.requested.role}`),
          })}
      </ConfirmModal>
    </Stack>
  );
}
