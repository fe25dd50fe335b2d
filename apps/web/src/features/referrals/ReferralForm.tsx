import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ProviderService } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { agencyName, kazakhstanToday, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useConsents, useCreateReferral, useEligibleProviders, useRecordConsent } from './api.ts';
import { type ConsentDraft, ConsentFields } from './ConsentFields.tsx';

/** The last day of a consent by default: three months ahead. */
function inThreeMonths(): string {
  const d = new Date(`${kazakhstanToday()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 3);
  return d.toISOString().slice(0, 10);
}

/**
 * Refer the case's person (issue #10): only providers the placement rules allow are offered
 * (the server applies the rules, which are data); named services; then the consent for that
 * provider (recorded here if there is none) or, only for who may, an override with its reason.
 */
export function ReferralForm({ caseId, personId, onClose }: { caseId: string; personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [, navigate] = useLocation();
  const eligible = useEligibleProviders(caseId, true);
  const consents = useConsents(personId);
  const record = useRecordConsent(personId);
  const create = useCreateReferral();
  const [providerId, setProviderId] = useState('');
  const [services, setServices] = useState<ProviderService[]>([]);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [emergencyReason, setEmergencyReason] = useState('');
  // The day the referral was made when it is recorded later ('' for today); bounded by the server.
  const [occurredOn, setOccurredOn] = useState('');
  const [draft, setDraft] = useState<ConsentDraft>({ shares: ['identity', 'case_history'], validUntil: inThreeMonths(), givenBy: 'person' });
  const [clientId] = useState(() => crypto.randomUUID());
  if (eligible.isPending || consents.isPending) return <Loading />;
  if (eligible.isError) return <ErrorAlert error={eligible.error} />;
  const { items, mayOverride, child } = eligible.data;
  const provider = items.find((p) => p.id === providerId);
  const consent = consents.data?.items.find((c) => c.providerId === providerId && c.state === 'valid');
  const errors = { ...fieldErrors(record.error), ...fieldErrors(create.error) };
  const choose = (id: string) => {
    setProviderId(id);
    const p = items.find((x) => x.id === id);
    setServices(p?.services.includes('shelter') ? ['shelter'] : (p?.services.slice(0, 1) ?? []));
    setEmergency(Boolean(p?.emergencyOnly));
    if (child) setDraft((d) => ({ ...d, givenBy: 'guardian' }));
  };
  const submit = () =>
    create.mutate(
      {
        clientId,
        caseId,
        providerId,
        services,
        emergency,
        ...(emergency ? { emergencyReason } : {}),
        ...(occurredOn ? { occurredOn } : {}),
        ...(consent && !override ? { consentId: consent.id } : { overrideReason }),
      },
      { onSuccess: (r) => navigate(`/referrals/${r.id}`) },
    );
  return (
    <Paper withBorder p="md" data-testid="referral-form">
      <Stack>
        <Title order={2} size="h4">
          {t('referrals.form.title')}
        </Title>
        <Radio.Group
          label={t('referrals.form.provider')}
          description={t('referrals.form.providerHint')}
          value={providerId}
          onChange={choose}
          error={errors.providerId}
        >
          <Stack gap={6} mt={6}>
            {items.length === 0 && <Text c="dimmed">{t('referrals.form.noProviders')}</Text>}
            {items.map((p) => (
              <Radio
                key={p.id}
                value={p.id}
                data-testid="eligible-provider"
                data-provider-id={p.id}
                label={
                  <span>
                    <UserText>{agencyName(p.name, lng)}</UserText>
                    {' · '}
                    {regionName(p.regionCode, lng)}
                    {p.kind === 'shelter' && ` · ${t('referrals.form.free', { count: Math.max(0, p.capacity - p.occupancy) })}`}
                    {p.emergencyOnly && ` · ${t('referrals.form.emergencyOnly')}`}
                  </span>
                }
              />
            ))}
          </Stack>
        </Radio.Group>
        {provider && (
          <>
            <Checkbox.Group label={t('referrals.form.services')} value={services} onChange={(v) => setServices(v as ProviderService[])} error={errors.services}>
              <Group gap="sm" mt={4}>
                {provider.services.map((s) => (
                  <Checkbox key={s} value={s} label={t(`providerService.${s}`)} data-testid={`referral-service-${s}`} />
                ))}
              </Group>
            </Checkbox.Group>
            {provider.emergencyOnly && (
              <Textarea
                label={t('referrals.form.emergencyReason')}
                value={emergencyReason}
                onChange={(e) => setEmergencyReason(e.currentTarget.value)}
                error={errors.emergencyReason ?? errors.emergency}
                data-testid="referral-emergency-reason"
                autosize
                minRows={2}
              />
            )}
            <DateField
              data-testid="referral-occurred-on"
              label={t('cases.action.occurredOn')}
              description={t('referrals.form.occurredOnHint')}
              value={occurredOn}
              onChange={setOccurredOn}
              error={errors.occurredOn}
            />
            <Title order={3} size="h5">
              {t('referrals.form.consent')}
            </Title>
            {consent ? (
              <Alert color="green" variant="light" data-testid="referral-consent-ok">
                {t('referrals.form.useConsent')}: {consent.shares.map((s) => t(`consentShare.${s}`)).join(', ')}
              </Alert>
            ) : (
              !override && (
                <Stack gap="xs" data-testid="referral-consent-form">
                  <Text size="sm">{t('referrals.form.noConsent')}</Text>
                  <ConsentFields value={draft} onChange={setDraft} child={child} errors={fieldErrors(record.error)} />
                  <Group>
                    <Button
                      variant="light"
                      loading={record.isPending}
                      data-testid="record-consent"
                      onClick={() => record.mutate({ clientId: crypto.randomUUID(), providerId, ...draft })}
                    >
                      {t('referrals.form.recordConsent')}
                    </Button>
                  </Group>
                </Stack>
              )
            )}
            {mayOverride && !consent && (
              <Checkbox
                label={t('referrals.form.override')}
                checked={override}
                onChange={(e) => setOverride(e.currentTarget.checked)}
                data-testid="referral-override"
              />
            )}
            {override && !consent && (
              <Textarea
                label={t('referrals.form.overrideReason')}
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.currentTarget.value)}
                error={errors.overrideReason}
                data-testid="referral-override-reason"
                autosize
                minRows={2}
              />
            )}
            {errors.consentId && (
              <Text c="red" size="sm">
                {errors.consentId}
              </Text>
            )}
            <ErrorAlert error={Object.keys(fieldErrors(create.error)).length ? null : create.error} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('referrals.cancel')}
          </Button>
          <Button
            onClick={submit}
            disabled={!provider || services.length === 0 || (!consent && !override)}
            loading={create.isPending}
            data-testid="referral-submit"
          >
            {t('referrals.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
