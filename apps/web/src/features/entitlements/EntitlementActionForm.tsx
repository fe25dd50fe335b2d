import { Button, Group, NativeSelect, Paper, Stack, Textarea } from '@mantine/core';
import { EXTENSION_REASONS, MEDICAL_PAYERS, type EntitlementAction, type EntitlementView } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { useEntitlementAction } from './api.ts';

/** Who pays for a foreign victim's medical care, or an extension: only what the server allows (allowedActions). */
export function EntitlementActionForm({
  personId,
  item,
  action,
  onDone,
}: {
  personId: string;
  item: EntitlementView;
  action: EntitlementAction;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useEntitlementAction(personId);
  const [payer, setPayer] = useState<string>(item.paidBy ?? MEDICAL_PAYERS[0]);
  const [reason, setReason] = useState<string>(EXTENSION_REASONS[0]);
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const errors = fieldErrors(mutation.error);
  const submit = () => {
    const extra = note.trim() ? { note: note.trim() } : {};
    const body = action === 'record_medical_payer' ? { type: action, payer, ...extra } : { type: action, reason, ...(until ? { until } : {}), ...extra };
    mutation.mutate({ kind: item.kind, body }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="sm" data-testid={`entitlement-form-${item.kind}`}>
      <Stack gap="xs">
        {action === 'record_medical_payer' ? (
          <NativeSelect
            label={t('entitlements.payer')}
            value={payer}
            onChange={(e) => setPayer(e.currentTarget.value)}
            data={MEDICAL_PAYERS.map((p) => ({ value: p, label: t(`medicalPayer.${p}`) }))}
            error={errors.payer}
            data-testid="entitlement-payer"
          />
        ) : (
          <>
            <NativeSelect
              label={t('entitlements.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data={EXTENSION_REASONS.map((r) => ({ value: r, label: t(`extensionReason.${r}`) }))}
              error={errors.reason}
              data-testid="entitlement-reason"
            />
            <DateField
              label={t('entitlements.until')}
              value={until}
              onChange={setUntil}
              error={errors.until}
              min={item.end ?? undefined}
              data-testid="entitlement-until"
            />
          </>
        )}
        <Textarea
          label={t('entitlements.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          error={errors.note}
        />
        <ErrorAlert error={Object.keys(errors).length ? null : mutation.error} />
        <Group gap="xs">
          <Button size="sm" loading={mutation.isPending} onClick={submit} data-testid="entitlement-save">
            {t('entitlements.save')}
          </Button>
          <Button size="sm" variant="default" onClick={onDone}>
            {t('entitlements.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
