import { NativeSelect, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { CLAIM_MODES, PAYMENT_SOURCES, type CivilClaimView, type PersonRedress } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { kazakhstanToday } from '../../components/format.ts';
import { parseTenge, useRedressWrite } from './redress-api.ts';

const amountProps = { inputMode: 'numeric' as const, autoComplete: 'off' };

/** A civil claim: with the criminal case (one she is a party to) or separately. */
export function ClaimFileForm({ data, onDone }: { data: PersonRedress; onDone: () => void }) {
  const { t } = useTranslation();
  const write = useRedressWrite(data.personId);
  const [mode, setMode] = useState<string>(data.criminalCases.length ? 'with_criminal_case' : 'separate_civil');
  const [criminalCaseId, setCriminalCaseId] = useState(data.criminalCases[0]?.id ?? '');
  const [filedOn, setFiledOn] = useState(kazakhstanToday());
  const [claimed, setClaimed] = useState('');
  const errors = fieldErrors(write.error);
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      data-testid="claim-form"
      onSubmit={(e) => {
        e.preventDefault();
        write.mutate(
          { kind: 'claim', body: { mode, filedOn, claimedTenge: parseTenge(claimed), ...(criminalCaseId ? { criminalCaseId } : {}) } },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="xs">
        <NativeSelect
          label={t('redress.mode')}
          value={mode}
          onChange={(e) => setMode(e.currentTarget.value)}
          data={CLAIM_MODES.map((m) => ({ value: m, label: t(`redress.modes.${m}`) }))}
          error={errors.mode}
          data-testid="claim-mode"
        />
        <NativeSelect
          label={t('redress.criminalCase')}
          value={criminalCaseId}
          onChange={(e) => setCriminalCaseId(e.currentTarget.value)}
          data={[
            { value: '', label: t('redress.noCriminalCase') },
            ...data.criminalCases.map((c) => ({ value: c.id, label: t('redress.criminalCaseNumber', { erdr: c.erdrNumber }) })),
          ]}
          error={errors.criminalCaseId}
          data-testid="claim-criminal-case"
        />
        <DateField label={t('redress.filedOn')} value={filedOn} onChange={setFiledOn} error={errors.filedOn} withAsterisk data-testid="claim-filed-on" />
        <TextInput
          label={t('redress.claimedTenge')}
          value={claimed}
          onChange={(e) => setClaimed(e.currentTarget.value)}
          error={errors.claimedTenge}
          withAsterisk
          {...amountProps}
          data-testid="claim-amount"
        />
        <ErrorAlert error={Object.keys(errors).length ? null : write.error} />
        <FormActions pending={write.isPending} onCancel={onDone} testId="claim-save" />
      </Stack>
    </Paper>
  );
}

/** What the court awarded on a claim (the court clerk's record). */
export function ClaimAwardForm({ personId, claim, onDone }: { personId: string; claim: CivilClaimView; onDone: () => void }) {
  const { t } = useTranslation();
  const write = useRedressWrite(personId);
  const [awardedOn, setAwardedOn] = useState(claim.awardedOn ?? kazakhstanToday());
  const [awarded, setAwarded] = useState(claim.awardedTenge === null ? '' : String(claim.awardedTenge));
  const errors = fieldErrors(write.error);
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      data-testid="award-form"
      onSubmit={(e) => {
        e.preventDefault();
        write.mutate({ kind: 'award', claimId: claim.id, body: { awardedTenge: parseTenge(awarded), awardedOn } }, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('redress.awardedTenge')}
          value={awarded}
          onChange={(e) => setAwarded(e.currentTarget.value)}
          error={errors.awardedTenge}
          withAsterisk
          {...amountProps}
          data-testid="award-amount"
        />
        <DateField label={t('redress.awardedOn')} value={awardedOn} onChange={setAwardedOn} error={errors.awardedOn} min={claim.filedOn} withAsterisk />
        <ErrorAlert error={Object.keys(errors).length ? null : write.error} />
        <FormActions pending={write.isPending} onCancel={onDone} testId="award-save" />
      </Stack>
    </Paper>
  );
}

/** A payment on an awarded claim, and who paid; beyond the award only with a reason. */
export function ClaimPaymentForm({ personId, claim, onDone }: { personId: string; claim: CivilClaimView; onDone: () => void }) {
  const { t } = useTranslation();
  const write = useRedressWrite(personId);
  const [paidOn, setPaidOn] = useState(kazakhstanToday());
  const [amount, setAmount] = useState('');
  const [source, setSource] = useState<string>(PAYMENT_SOURCES[0]);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(write.error);
  const n = parseTenge(amount);
  const beyond = claim.awardedTenge !== null && Number.isFinite(n) && claim.paidTenge + n > claim.awardedTenge;
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      data-testid="payment-form"
      onSubmit={(e) => {
        e.preventDefault();
        write.mutate(
          { kind: 'payment', claimId: claim.id, body: { paidOn, amountTenge: n, source, ...(reason.trim() ? { overAwardReason: reason.trim() } : {}) } },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('redress.amountTenge')}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.amountTenge}
          withAsterisk
          {...amountProps}
          data-testid="payment-amount"
        />
        <DateField label={t('redress.paidOn')} value={paidOn} onChange={setPaidOn} error={errors.paidOn} min={claim.awardedOn ?? undefined} withAsterisk />
        <NativeSelect
          label={t('redress.source')}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          data={PAYMENT_SOURCES.map((s) => ({ value: s, label: t(`redress.sources.${s}`) }))}
          error={errors.source}
          data-testid="payment-source"
        />
        {(beyond || errors.overAwardReason) && (
          <Textarea
            label={t('redress.overAwardReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            error={errors.overAwardReason}
            withAsterisk
            data-testid="payment-reason"
          />
        )}
        <ErrorAlert error={Object.keys(errors).length ? null : write.error} />
        <FormActions pending={write.isPending} onCancel={onDone} testId="payment-save" />
      </Stack>
    </Paper>
  );
}
