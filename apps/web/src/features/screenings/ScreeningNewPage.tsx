import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { Loading } from '../../components/Loading.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCurrentUser } from '../auth/current-user.tsx';
import { useCreateScreening, useScreeningReference } from './api.ts';
import { ConsentFields } from './ConsentFields.tsx';
import { EncounterFields } from './EncounterFields.tsx';
import { IndicatorFields } from './IndicatorFields.tsx';
import { clearDraft, emptyDraft, loadDraft, missingFields, saveDraft, toBody, type ScreeningDraft } from './screening-draft.ts';

export function ScreeningNewPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const defaultRegion = !me.jurisdiction.national && me.jurisdiction.regions.length === 1 ? (me.jurisdiction.regions[0] ?? '') : '';
  // Opened from a hotline report: the encounter happened through the hotline.
  const fromReport = new URLSearchParams(useSearch()).get('fromReport');
  const fresh = (): ScreeningDraft => ({ ...emptyDraft(defaultRegion, lng), ...(fromReport ? { setting: 'hotline' } : {}) });
  const [restored] = useState(() => loadDraft(me.id));
  const [draft, setDraft] = useState<ScreeningDraft>(() => restored ?? fresh());
  const [tried, setTried] = useState(false);
  // Only what the user typed is saved: opening the form alone leaves no draft behind.
  const touched = useRef(restored !== null);
  const reference = useScreeningReference();
  const create = useCreateScreening();

  useEffect(() => {
    if (touched.current) saveDraft(me.id, draft);
  }, [draft, me.id]);

  const set = (patch: Partial<ScreeningDraft>) => {
    touched.current = true;
    setDraft((d) => ({ ...d, ...patch }));
  };

  const discard = () => {
    clearDraft(me.id);
    touched.current = false;
    setTried(false);
    create.reset();
    setDraft(fresh());
  };

  const errors: Record<string, string | undefined> = { ...fieldErrors(create.error) };
  const missing = tried ? missingFields(draft) : new Set<string>();
  for (const field of missing) errors[field] = t('validation.required');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missingFields(draft).size > 0) return;
    // The draft's clientId goes along: a resend after a dropped connection returns the same screening.
    create.mutate(toBody(draft), {
      onSuccess: (s) => {
        clearDraft(me.id);
        touched.current = false;
        navigate(`/screenings/${s.id}`);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <Title order={1}>{t('screening.form.title')}</Title>
        <Alert color="blue" variant="light" title={t('screening.form.introTitle')}>
          {t('screening.form.intro')}
        </Alert>
        {restored && touched.current && (
          <Text size="sm" c="dimmed" data-testid="screening-draft-restored">
            {t('screening.form.draftRestored')}
          </Text>
        )}
        <EncounterFields draft={draft} errors={errors} set={set} childAgeYears={reference.data?.rules.childAgeYears ?? null} />
        {reference.isPending && <Loading />}
        <ErrorAlert error={reference.error} onRetry={() => void reference.refetch()} />
        {reference.data && (
          <IndicatorFields lists={reference.data.lists} childAgeYears={reference.data.rules.childAgeYears} draft={draft} error={errors.observed} set={set} />
        )}
        <ConsentFields draft={draft} errors={errors} set={set} childAgeYears={reference.data?.rules.childAgeYears ?? null} />
        <ErrorAlert error={create.error} />
        {missing.size > 0 && (
          <Text c="red" size="sm" role="alert">
            {t('common.fixFields')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('screening.form.draftNote')}
        </Text>
        <Group justify="space-between">
          <Button type="submit" size="md" data-testid="screening-submit" loading={create.isPending} disabled={!reference.data}>
            {t('screening.form.submit')}
          </Button>
          <Button variant="subtle" color="red" data-testid="screening-discard-draft" onClick={discard} disabled={create.isPending}>
            {t('screening.form.discardDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
