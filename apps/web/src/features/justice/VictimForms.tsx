import { Alert, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { INTERVIEW_PLACES, PROCEDURAL_ROLES, PROTECTIVE_MEASURES, type ProceedingVictimView, type ProtectiveMeasureView } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../components/UserText.tsx';
import { DateField } from '../../components/DateField.tsx';
import { useLanguageOptions } from '../../components/language-names.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { kazakhstanToday } from '../../components/format.ts';
import { usePersons } from '../persons/api.ts';
import { useVictimAction } from './victims-api.ts';

/** A person found: her name (isolated: typed text) and pseudonym, or the pseudonym alone. */
const personLabel = (p: { displayName?: string | null; pseudonym: string }) => (p.displayName ? `${isolate(p.displayName)} (${p.pseudonym})` : p.pseudonym);

/**
 * Link a person to the case: find her among the persons the reader may see (the persons search),
 * her procedural role and the day. A person outside the reader's scope is refused by the server
 * field by field (`personId`).
 */
export function VictimLinkForm({ criminalCaseId, onDone }: { criminalCaseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const link = useVictimAction(criminalCaseId, { kind: 'link' });
  const [q, setQ] = useState('');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<string>('victim');
  const [linkedOn, setLinkedOn] = useState(kazakhstanToday());
  const persons = usePersons(q.trim(), 1);
  const errors = fieldErrors(link.error);
  const options = persons.data?.items ?? [];
  return (
    <form
      data-testid="victim-link-form"
      onSubmit={(e) => {
        e.preventDefault();
        link.mutate({ personId, proceduralRole: role, linkedOn }, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('justice.victims.findPerson')}
          description={t('justice.victims.findPersonHint')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={200}
          autoComplete="off"
          data-testid="victim-person-search"
        />
        <NativeSelect
          label={t('justice.victims.person')}
          value={personId}
          onChange={(e) => setPersonId(e.currentTarget.value)}
          error={errors.personId}
          required
          data={[{ value: '', label: t('justice.victims.choosePerson') }, ...options.map((p) => ({ value: p.id, label: personLabel(p) }))]}
          data-testid="victim-person"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('justice.victims.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={PROCEDURAL_ROLES.map((v) => ({ value: v, label: t(`justice.proceduralRole.${v}`) }))}
            error={errors.proceduralRole}
            data-testid="victim-role"
          />
          <DateField
            label={t('justice.victims.linkedOn')}
            value={linkedOn}
            onChange={setLinkedOn}
            error={errors.linkedOn}
            withAsterisk
            data-testid="victim-linked-on"
          />
        </SimpleGrid>
        {link.isError && Object.keys(errors).length === 0 && <ErrorAlert error={link.error} />}
        <FormActions pending={link.isPending} testId="victim-link-submit" label={t('justice.victims.linkSubmit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Her role, participation, departure (the case continues under counsel) and job. */
export function VictimUpdateForm({ criminalCaseId, victim, onDone }: { criminalCaseId: string; victim: ProceedingVictimView; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useVictimAction(criminalCaseId, { kind: 'update', victimId: victim.id });
  const [role, setRole] = useState<string>(victim.proceduralRole);
  const [participated, setParticipated] = useState(victim.participated);
  const [left, setLeft] = useState(victim.leftCountryOn ?? '');
  const [counsel, setCounsel] = useState(victim.counselContinues);
  const [employed, setEmployed] = useState(victim.employedSince ?? '');
  const errors = fieldErrors(update.error);
  return (
    <form
      data-testid="victim-update-form"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(
          { proceduralRole: role, participated, leftCountryOn: left || null, counselContinues: left ? counsel : false, employedSince: employed || null },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('justice.victims.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={PROCEDURAL_ROLES.map((v) => ({ value: v, label: t(`justice.proceduralRole.${v}`) }))}
            data-testid="victim-update-role"
          />
          <Checkbox
            mt="lg"
            label={t('justice.victims.participated')}
            checked={participated}
            onChange={(e) => setParticipated(e.currentTarget.checked)}
            data-testid="victim-participated"
          />
          <DateField label={t('justice.victims.leftCountryOn')} value={left} onChange={setLeft} error={errors.leftCountryOn} data-testid="victim-left-on" />
          <DateField
            label={t('justice.victims.employedSince')}
            value={employed}
            onChange={setEmployed}
            error={errors.employedSince}
            data-testid="victim-employed"
          />
        </SimpleGrid>
        {left && (
          <Checkbox
            label={t('justice.victims.counselContinues')}
            checked={counsel}
            onChange={(e) => setCounsel(e.currentTarget.checked)}
            error={errors.counselContinues}
            data-testid="victim-counsel"
          />
        )}
        {update.isError && Object.keys(errors).length === 0 && <ErrorAlert error={update.error} />}
        <FormActions pending={update.isPending} testId="victim-update-submit" label={t('justice.victims.save')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/**
 * An interview. Once her testimony was video-recorded, another interview re-traumatises her:
 * the form warns and asks why (the server refuses a repeat without a reason).
 */
export function InterviewForm({ criminalCaseId, victim, onDone }: { criminalCaseId: string; victim: ProceedingVictimView; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useVictimAction(criminalCaseId, { kind: 'interviews', victimId: victim.id });
  const [heldOn, setHeldOn] = useState(kazakhstanToday());
  const [place, setPlace] = useState<string>('shelter');
  const [video, setVideo] = useState(false);
  const [socialWorker, setSocialWorker] = useState(false);
  const [interpreter, setInterpreter] = useState(false);
  const [language, setLanguage] = useState('');
  const languages = useLanguageOptions();
  const [reason, setReason] = useState('');
  const errors = fieldErrors(record.error);
  const repeat = victim.videoTestimonyRecorded;
  return (
    <form
      data-testid="interview-form"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate(
          {
            heldOn,
            place,
            videoRecorded: video,
            socialWorkerPresent: socialWorker,
            interpreterPresent: interpreter,
            ...(language ? { language } : {}),
            ...(reason.trim() ? { repeatReason: reason } : {}),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="xs">
        {repeat && (
          <Alert color="orange" title={t('justice.victims.repeatWarningTitle')} data-testid="repeat-interview-warning">
            {t('justice.victims.repeatWarning')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('justice.victims.heldOn')}
            value={heldOn}
            onChange={setHeldOn}
            error={errors.heldOn}
            withAsterisk
            data-testid="interview-held-on"
          />
          <NativeSelect
            label={t('justice.victims.place')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            data={INTERVIEW_PLACES.map((v) => ({ value: v, label: t(`justice.interviewPlace.${v}`) }))}
            data-testid="interview-place"
          />
        </SimpleGrid>
        <Group gap="md">
          <Checkbox
            label={t('justice.victims.videoRecorded')}
            checked={video}
            onChange={(e) => setVideo(e.currentTarget.checked)}
            data-testid="interview-video"
          />
          <Checkbox
            label={t('justice.victims.socialWorkerPresent')}
            checked={socialWorker}
            onChange={(e) => setSocialWorker(e.currentTarget.checked)}
            data-testid="interview-social-worker"
          />
          <Checkbox
            label={t('justice.victims.interpreterPresent')}
            checked={interpreter}
            onChange={(e) => setInterpreter(e.currentTarget.checked)}
            data-testid="interview-interpreter"
          />
        </Group>
        <NativeSelect
          label={t('justice.victims.language')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value)}
          error={errors.language}
          data={[{ value: '', label: t('common.choose') }, ...languages]}
          data-testid="interview-language"
        />
        {repeat && (
          <Textarea
            label={t('justice.victims.repeatReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.repeatReason}
            required
            rows={3}
            maxLength={2000}
            data-testid="interview-repeat-reason"
          />
        )}
        {record.isError && Object.keys(errors).length === 0 && <ErrorAlert error={record.error} />}
        <FormActions pending={record.isPending} testId="interview-submit" label={t('justice.victims.recordInterview')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** A request for a protective measure (the PPCP programme among them). */
export function MeasureRequestForm({ criminalCaseId, victim, onDone }: { criminalCaseId: string; victim: ProceedingVictimView; onDone: () => void }) {
  const { t } = useTranslation();
  const request = useVictimAction(criminalCaseId, { kind: 'measures', victimId: victim.id });
  const [measure, setMeasure] = useState<string>('ppcp_programme');
  const [requestedOn, setRequestedOn] = useState(kazakhstanToday());
  const errors = fieldErrors(request.error);
  return (
    <form
      data-testid="measure-request-form"
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ measure, requestedOn }, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('justice.victims.measure')}
            value={measure}
            onChange={(e) => setMeasure(e.currentTarget.value)}
            data={PROTECTIVE_MEASURES.map((v) => ({ value: v, label: t(`justice.measure.${v}`) }))}
            data-testid="measure-kind"
          />
          <DateField
            label={t('justice.victims.requestedOn')}
            value={requestedOn}
            onChange={setRequestedOn}
            error={errors.requestedOn}
            withAsterisk
            data-testid="measure-requested-on"
          />
        </SimpleGrid>
        {request.isError && Object.keys(errors).length === 0 && <ErrorAlert error={request.error} />}
        <FormActions pending={request.isPending} testId="measure-request-submit" label={t('justice.victims.requestMeasure')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** The decision on a measure: grant or refuse a request, end a granted measure; its cost in tenge. */
export function MeasureDecisionForm({
  criminalCaseId,
  victimId,
  measure,
  onDone,
}: {
  criminalCaseId: string;
  victimId: string;
  measure: ProtectiveMeasureView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const decide = useVictimAction(criminalCaseId, { kind: 'decision', victimId, measureId: measure.id });
  const choices = measure.status === 'requested' ? (['granted', 'refused'] as const) : (['ended'] as const);
  const [decision, setDecision] = useState<string>(choices[0]);
  const [on, setOn] = useState(kazakhstanToday());
  const [cost, setCost] = useState<number | string>(measure.costTenge ?? '');
  const errors = fieldErrors(decide.error);
  return (
    <form
      data-testid="measure-decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        decide.mutate({ decision, on, ...(cost === '' ? {} : { costTenge: Number(cost) }) }, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t(`justice.measure.${measure.measure}`)}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('justice.victims.decision')}
            value={decision}
            onChange={(e) => setDecision(e.currentTarget.value)}
            data={choices.map((v) => ({ value: v, label: t(`justice.measureStatus.${v}`) }))}
            data-testid="measure-decision"
          />
          <DateField label={t('justice.victims.decidedOn')} value={on} onChange={setOn} error={errors.on} withAsterisk data-testid="measure-decided-on" />
          {decision !== 'refused' && (
            <NumberInput
              label={t('justice.victims.costTenge')}
              value={cost}
              onChange={setCost}
              min={0}
              allowDecimal={false}
              thousandSeparator=" "
              error={errors.costTenge}
              data-testid="measure-cost"
            />
          )}
        </SimpleGrid>
        {decide.isError && Object.keys(errors).length === 0 && <ErrorAlert error={decide.error} />}
        <FormActions pending={decide.isPending} testId="measure-decision-submit" label={t('justice.victims.decide')} onCancel={onDone} />
      </Stack>
    </form>
  );
}
