import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ConsentView } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDate } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useConsents, useWithdrawConsent } from './api.ts';

const STATE_COLOR = { valid: 'green', withdrawn: 'gray', lapsed: 'orange' } as const;

function ConsentItem({ c, onWithdraw }: { c: ConsentView; onWithdraw: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Paper withBorder p="sm" data-testid="consent-item" data-consent-id={c.id} data-state={c.state}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>
          <UserText>{agencyName(c.providerName, lng)}</UserText>
        </Text>
        <Badge color={STATE_COLOR[c.state]} styles={{ root: { textTransform: 'none' } }}>
          {t(`consentState.${c.state}`)}
        </Badge>
      </Group>
      <Text size="sm">{c.shares.map((s) => t(`consentShare.${s}`)).join(', ')}</Text>
      <Text size="sm" c="dimmed">
        {t('consents.validUntil')}: {formatDate(c.validUntil, lng)} · {t('consents.givenBy')}: {t(`consentGiver.${c.givenBy}`)}
      </Text>
      {c.canWithdraw && (
        <Button mt="xs" size="xs" variant="light" color="red" onClick={onWithdraw} data-testid="consent-withdraw">
          {t('consents.withdraw')}
        </Button>
      )}
    </Paper>
  );
}

/** The person page's consents (issue #10): to which provider, what, until when; withdrawal honoured at once. */
export function ConsentsPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const q = useConsents(personId);
  const withdraw = useWithdrawConsent(personId);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <Stack gap="xs" data-testid="consents-panel">
      <Title order={2} size="h4">
        {t('consents.title')}
      </Title>
      <ErrorAlert error={q.error} />
      {q.data?.items.length === 0 && <Text c="dimmed">{t('consents.empty')}</Text>}
      {q.data?.items.map((c) => (
        <ConsentItem key={c.id} c={c} onWithdraw={() => setConfirming(c.id)} />
      ))}
      <ConfirmModal
        opened={confirming !== null}
        title={t('consents.withdraw')}
        confirmLabel={t('consents.withdraw')}
        danger
        loading={withdraw.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) withdraw.mutate(confirming, { onSettled: () => setConfirming(null) });
        }}
      >
        <Text>{t('consents.withdrawConfirm')}</Text>
      </ConfirmModal>
    </Stack>
  );
}
