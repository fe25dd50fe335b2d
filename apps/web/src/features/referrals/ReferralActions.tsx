import { Button, Group, NativeSelect, Paper, Stack, Textarea, Title } from '@mantine/core';
import type { Referral, ReferralActionInput, ReferralActionType } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { agencyName } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useConsents, useEligibleProviders, useReferralAction } from './api.ts';

type Answer = Exclude<ReferralActionType, 'sent' | 'escalated' | 'consent_withdrawn'>;
const NEEDS_REASON: readonly Answer[] = ['declined', 'withdrawn', 'transferred'];

/** The transfer's target: another eligible provider, on its consent (or an override where allowed). */
function TransferFields({
  r,
  value,
  onChange,
}: {
  r: Referral;
  value: { providerId: string; overrideReason: string };
  onChange: (v: { providerId: string; overrideReason: string }) => void;
}) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const eligible = useEligibleProviders(r.caseId, true);
  const consents = useConsents(r.personId);
  const options = (eligible.data?.items ?? []).filter((p) => p.id !== r.providerId);
  const hasConsent = consents.data?.items.some((c) => c.providerId === value.providerId && c.state === 'valid');
  return (
    <>
      <NativeSelect
        label={t('referrals.newProvider')}
        value={value.providerId}
        onChange={(e) => onChange({ ...value, providerId: e.currentTarget.value })}
        data={[{ value: '', label: '—' }, ...options.map((p) => ({ value: p.id, label: agencyName(p.name, lng) }))]}
        data-testid="transfer-provider"
      />
      {value.providerId && !hasConsent && eligible.data?.mayOverride && (
        <Textarea
          label={t('referrals.form.overrideReason')}
          value={value.overrideReason}
          onChange={(e) => onChange({ ...value, overrideReason: e.currentTarget.value })}
          autosize
          minRows={2}
        />
      )}
    </>
  );
}

/** Exactly the actions the server allows this user now (core's referral table), as buttons. */
export function ReferralActions({ r }: { r: Referral }) {
  const { t } = useTranslation();
  const act = useReferralAction(r.id);
  const consents = useConsents(r.personId, r.allowedActions.includes('transferred'));
  const [open, setOpen] = useState<Answer | null>(null);
  const [text, setText] = useState('');
  const [transfer, setTransfer] = useState({ providerId: '', overrideReason: '' });
  const allowed = r.allowedActions.filter((a): a is Answer => a !== 'sent' && a !== 'escalated' && a !== 'consent_withdrawn');
  if (allowed.length === 0) return null;
  const errors = fieldErrors(act.error, 'action.');
  const send = (type: Answer) => {
    let action: ReferralActionInput;
    if (type === 'transferred') {
      const consent = consents.data?.items.find((c) => c.providerId === transfer.providerId && c.state === 'valid');
      action = {
        type,
        text,
        providerId: transfer.providerId,
        ...(consent ? { consentId: consent.id } : { overrideReason: transfer.overrideReason || undefined }),
      };
    } else if (type === 'declined' || type === 'withdrawn') action = { type, text };
    else action = { type, ...(text ? { text } : {}) };
    act.mutate(action, {
      onSuccess: () => {
        setOpen(null);
        setText('');
      },
    });
  };
  return (
    <Paper withBorder p="md" data-testid="referral-actions">
      <Stack>
        <Group gap="xs" wrap="wrap">
          {allowed.map((a) => (
            <Button
              key={a}
              variant={open === a ? 'filled' : a === 'accepted' ? 'filled' : 'light'}
              color={a === 'declined' || a === 'withdrawn' ? 'red' : undefined}
              data-testid={`referral-action-${a}`}
              onClick={() => (NEEDS_REASON.includes(a) ? setOpen(a) : send(a))}
              loading={act.isPending && open === null}
            >
              {t(`referralActionButton.${a}`)}
            </Button>
          ))}
        </Group>
        {open && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t(`referralActionButton.${open}`)}
            </Title>
            {open === 'transferred' && <TransferFields r={r} value={transfer} onChange={setTransfer} />}
            <Textarea
              label={t('referrals.reason')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.text}
              autosize
              minRows={2}
              data-testid="referral-action-reason"
            />
            {Object.entries(errors)
              .filter(([k]) => k !== 'text')
              .map(([k, m]) => (
                <ErrorAlert key={k} error={new Error(m)} />
              ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(null)}>
                {t('referrals.cancel')}
              </Button>
              <Button
                onClick={() => send(open)}
                loading={act.isPending}
                disabled={!text.trim() || (open === 'transferred' && !transfer.providerId)}
                data-testid="referral-action-confirm"
              >
                {t('referrals.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
        {!Object.keys(errors).length && <ErrorAlert error={act.error} />}
      </Stack>
    </Paper>
  );
}
