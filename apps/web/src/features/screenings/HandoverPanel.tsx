import { Alert, Button, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { Screening } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { agencyName, formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useHandover, useHandoverTargets } from './api.ts';
import { isolate } from '../../components/UserText.tsx';

/** Hand the person and the case over; the screener keeps only a receipt (minimal disclosure). */
export function HandoverPanel({ s }: { s: Screening }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  // Only identification units of the person's region or national ones (core `mayReceiveHandover`).
  const directory = useHandoverTargets(s.id, true);
  const handover = useHandover(s.id);
  const [agencyId, setAgencyId] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const agencies = directory.data?.items ?? [];
  const chosenName = agencyName(agencies.find((a) => a.id === agencyId)?.name, lng);
  const errors = fieldErrors(handover.error);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('screening.handover.title')}
        </Title>
        <Text size="sm">{t('screening.handover.help')}</Text>
        <Text size="sm" c="dimmed">
          {t('screening.handover.eligibleOnly')}
        </Text>
        <ErrorAlert error={directory.error} onRetry={() => void directory.refetch()} />
        {directory.isSuccess && agencies.length === 0 && (
          <Alert color="yellow" variant="light" data-testid="handover-no-targets">
            {t('screening.handover.noTargets')}
          </Alert>
        )}
        <NativeSelect
          data-testid="handover-agency"
          label={t('screening.handover.agency')}
          withAsterisk
          disabled={directory.isPending}
          value={agencyId}
          onChange={(e) => {
            setAgencyId(e.currentTarget.value);
            setMissing(false);
          }}
          data={[
            { value: '', label: t('common.choose') },
            ...agencies
              .map((a) => ({ value: a.id, label: `${isolate(agencyName(a.name, lng))} (${t(`agencyTypes.${a.type}`)})` }))
              .sort((x, y) => x.label.localeCompare(y.label, lng)),
          ]}
          error={missing ? t('validation.required') : errors.toAgencyId}
        />
        <Button
          data-testid="handover-submit"
          onClick={() => (agencyId ? setConfirming(true) : setMissing(true))}
          loading={handover.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('screening.handover.submit')}
        </Button>
        {!confirming && <ErrorAlert error={handover.error} />}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('screening.handover.confirmTitle')}
        confirmLabel={t('screening.handover.confirm')}
        loading={handover.isPending}
        error={handover.error}
        onClose={() => setConfirming(false)}
        onConfirm={() => handover.mutate(agencyId, { onSuccess: () => setConfirming(false) })}
      >
        {t('screening.handover.confirmText', { agency: isolate(chosenName) })}
      </ConfirmModal>
    </Paper>
  );
}

export function HandoverReceipt({ s }: { s: Screening }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  if (!s.handover) return null;
  return (
    <Alert color="green" variant="light" title={t('screening.handover.receiptTitle')} data-testid="handover-receipt">
      <Stack gap={4}>
        <Text size="sm">{t('screening.handover.receiptReference', { reference: s.reference })}</Text>
        <Text size="sm">{t('screening.handover.receiptDate', { date: formatDateTime(s.handover.at, lng) })}</Text>
        <Text size="sm">{t('screening.handover.receiptAgency', { agency: isolate(agencyName(s.handover.toAgencyName, lng)) })}</Text>
        <Text size="sm" mt="xs">
          {t('screening.handover.receiptNote')}
        </Text>
      </Stack>
    </Alert>
  );
}
