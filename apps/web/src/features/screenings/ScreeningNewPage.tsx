import { Alert, Button, Stack, Text, Title } from '@mantine/core';
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
import { EncounterFields, PersonFields } from './EncounterFields.tsx';
import { IndicatorFields } from './IndicatorFields.tsx';
import { clearDraft, emptyDraft, loadDraft, missingFields, saveDraft, toBody, type ScreeningDraft } from './screening-draft.ts';
import { advance, clampStep, firstStepWithError, SCREENING_STEPS, stepOfField } from './screening-steps.ts';
import { StepHeader, StepNav } from './ScreeningSteps.tsx';

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
  // Steps where "next" or "send" was tried: their empty required fields show as errors.
  const [tried, setTried] = useState<ReadonlySet<number>>(() => new Set());
  // Only what the user typed is saved: opening the form alone leaves no draft behind.
  const touched = useRef(restored !== null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // After a step change: where to put the focus (the step's heading, or its first field in error).
  const focusNext = useRef<'heading' | 'error' | null>(null);
  const reference = useScreeningReference();
  const create = useCreateScreening();
  const step = clampStep(draft.step);

  useEffect(() => {
    if (touched.current) saveDraft(me.id, draft);
  }, [draft, me.id]);

  const set = (patch: Partial<ScreeningDraft>) => {
    touched.current = true;
    setDraft((d) => ({ ...d, ...patch }));
  };

  const goTo = (next: number, focus: 'heading' | 'error') => {
    focusNext.current = focus;
    if (next !== step) {
      set({ step: next });
    } else {
      // Same step: render nothing new, so move the focus now.
      setTried((s) => new Set(s));
    }
  };

  // Focus after the step has rendered: its heading (scrolled to the top), or the first field in error.
  useEffect(() => {
    const focus = focusNext.current;
    if (!focus) return;
    focusNext.current = null;
    const invalid = focus === 'error' ? form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]') : null;
    if (invalid) {
      invalid.focus({ preventScroll: true });
      invalid.scrollIntoView({ block: 'center' });
    } else {
      window.scrollTo({ top: 0 });
      heading.current?.focus({ preventScroll: true });
    }
  });

  const serverErrors = fieldErrors(create.error);

  const discard = () => {
    clearDraft(me.id);
    touched.current = false;
    setTried(new Set());
    create.reset();
    focusNext.current = 'heading';
    setDraft(fresh());
  };

  const missing = missingFields(draft);
  const errors: Record<string, string | undefined> = { ...serverErrors };
  for (const field of missing) if (tried.has(stepOfField(field))) errors[field] = t('validation.required');
  const stepHasErrors = [...missing].some((f) => stepOfField(f) === step && tried.has(step));

  const next = () => {
    const to = advance(step, missing);
    if (to.blocked.length > 0) {
      setTried((s) => new Set([...s, to.step]));
      goTo(to.step, 'error');
      return;
    }
    if (to.submit) return send();
    goTo(to.step, 'heading');
  };

  const send = () => {
    // The draft's clientId goes along: a resend after a dropped connection returns the same screening.
    create.mutate(toBody(draft), {
      onSuccess: (s) => {
        clearDraft(me.id);
        touched.current = false;
        navigate(`/screenings/${s.id}`);
      },
      // A field the server refused: go to the step that shows it.
      onError: (err) => {
        const at = firstStepWithError(Object.keys(fieldErrors(err)));
        if (at !== null) goTo(at, 'error');
      },
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    // Enter in a field before the last step moves on; only the last step sends.
    next();
  };

  const back = () => goTo(Math.max(0, step - 1), 'heading');
  const childAgeYears = reference.data?.rules.childAgeYears ?? null;

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack maw={720}>
        <Title order={1}>{t('screening.form.title')}</Title>
        {restored && touched.current && (
          <Text size="sm" c="dimmed" data-testid="screening-draft-restored">
            {t('screening.form.draftRestored')}
          </Text>
        )}
        <StepHeader step={step} headingRef={heading} />
        {SCREENING_STEPS[step] === 'encounter' && (
          <>
            <Alert color="blue" variant="light" title={t('screening.form.introTitle')}>
              {t('screening.form.intro')}
            </Alert>
            <EncounterFields draft={draft} errors={errors} set={set} />
          </>
        )}
        {SCREENING_STEPS[step] === 'person' && <PersonFields draft={draft} errors={errors} set={set} childAgeYears={childAgeYears} />}
        {SCREENING_STEPS[step] === 'indicators' && (
          <>
            {reference.isPending && <Loading />}
            <ErrorAlert error={reference.error} onRetry={() => void reference.refetch()} />
            {reference.data && (
              <IndicatorFields
                lists={reference.data.lists}
                childAgeYears={reference.data.rules.childAgeYears}
                draft={draft}
                error={errors.observed}
                set={set}
              />
            )}
          </>
        )}
        {SCREENING_STEPS[step] === 'consent' && <ConsentFields draft={draft} errors={errors} set={set} childAgeYears={childAgeYears} />}
        <ErrorAlert error={create.error} />
        {stepHasErrors && (
          <Text c="red" size="sm" role="alert" tabIndex={-1} data-testid="screening-step-errors">
            {t('common.fixFields')}
          </Text>
        )}
        <StepNav step={step} onBack={back} onNext={next} sending={create.isPending} canSend={!!reference.data} />
        <Text size="xs" c="dimmed">
          {t('screening.form.draftNote')}
        </Text>
        <Button
          variant="subtle"
          color="red"
          data-testid="screening-discard-draft"
          onClick={discard}
          disabled={create.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('screening.form.discardDraft')}
        </Button>
      </Stack>
    </form>
  );
}
