import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type CriminalCaseView, type CriminalStage, reasonList, SUSPENSION_REASONS } from '@qorgau/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { kazakhstanToday } from '../../components/format.ts';
import { useAssignees, useCriminalCaseAction } from './api.ts';

/** One section of the case page: a titled box. */
export function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

const reasonKey = (list: readonly string[]) => (list === SUSPENSION_REASONS ? 'suspensionReason' : 'terminationReason');

/** Moves the case to one of the stages the server offers this reader now (`allowedStages`). */
function StageForm({ cc }: { cc: CriminalCaseView }) {
  const { t } = useTranslation();
  const move = useCriminalCaseAction(cc.id, 'stage');
  const today = kazakhstanToday();
  const [to, setTo] = useState<CriminalStage | ''>('');
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const reasons = to ? reasonList(to) : null;
  const errors = fieldErrors(move.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to || !on || (reasons && !reason)) return;
    move.mutate(
      { to, on, ...(reasons ? { reason } : {}), ...(note.trim() ? { note } : {}) },
      {
        onSuccess: () => {
          setTo('');
          setReason('');
          setNote('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} data-testid="stage-form" noValidate>
      <Stack gap="xs">
        <NativeSelect
          data-testid="stage-to"
          label={t('justice.stageForm.to')}
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value as CriminalStage | '');
            setReason('');
          }}
          data={[{ value: '', label: t('common.choose') }, ...cc.allowedStages.map((s) => ({ value: s, label: t(`justice.stage.${s}`) }))]}
          error={errors.to}
        />
        <DateField data-testid="stage-on" label={t('justice.stageForm.on')} value={on} onChange={setOn} min={cc.stageOn} max={today} error={errors.on} />
        {reasons && (
          <NativeSelect
            data-testid="stage-reason"
            label={t('justice.stageForm.reason')}
            withAsterisk
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data={[{ value: '', label: t('common.choose') }, ...reasons.map((r) => ({ value: r, label: t(`justice.${reasonKey(reasons)}.${r}`) }))]}
            error={errors.reason}
          />
        )}
        <Textarea
          data-testid="stage-note"
          label={t('justice.stageForm.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <ErrorAlert error={move.error} />
        <Group>
          <Button type="submit" loading={move.isPending} disabled={!to || (reasons !== null && !reason)} data-testid="stage-submit">
            {t('justice.stageForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The stage, its date and reason, and the form to move it (only with `change_stage`). */
export function StageSection({ cc }: { cc: CriminalCaseView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('justice.stageForm.title')} testId="stage-section">
      {cc.allowedActions.includes('change_stage') && cc.allowedStages.length > 0 ? (
        <StageForm key={`${cc.stage}-${cc.stageOn}`} cc={cc} />
      ) : (
        <Text c="dimmed" size="sm">
          {t('justice.stageForm.none')}
        </Text>
      )}
    </Section>
  );
}

/** The prosecutor names the investigator and the prosecutor of the case (active officers of its region). */
export function AssignSection({ cc }: { cc: CriminalCaseView }) {
  const { t } = useTranslation();
  const people = useAssignees(cc.id, true);
  const assign = useCriminalCaseAction(cc.id, 'assign');
  const [investigatorId, setInvestigatorId] = useState(cc.investigator?.id ?? '');
  const [prosecutorId, setProsecutorId] = useState(cc.prosecutor?.id ?? '');
  const errors = fieldErrors(assign.error);
  const of = (role: 'investigator' | 'prosecutor') => (people.data?.items ?? []).filter((p) => p.role === role).map((p) => ({ value: p.id, label: p.name }));
  const changed = (investigatorId && investigatorId !== cc.investigator?.id) || (prosecutorId && prosecutorId !== cc.prosecutor?.id);
  return (
    <Section title={t('justice.assign.title')} testId="assign-section">
      <ErrorAlert error={people.error} />
      <form
        data-testid="assign-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!changed) return;
          assign.mutate({
            ...(investigatorId && investigatorId !== cc.investigator?.id ? { investigatorId } : {}),
            ...(prosecutorId && prosecutorId !== cc.prosecutor?.id ? { prosecutorId } : {}),
          });
        }}
      >
        <Stack gap="xs">
          <NativeSelect
            data-testid="assign-investigator"
            label={t('justice.fields.investigator')}
            value={investigatorId}
            onChange={(e) => setInvestigatorId(e.currentTarget.value)}
            data={[{ value: '', label: t('common.choose') }, ...of('investigator')]}
            error={errors.investigatorId}
          />
          <NativeSelect
            data-testid="assign-prosecutor"
            label={t('justice.fields.prosecutor')}
            value={prosecutorId}
            onChange={(e) => setProsecutorId(e.currentTarget.value)}
            data={[{ value: '', label: t('common.choose') }, ...of('prosecutor')]}
            error={errors.prosecutorId}
          />
          <ErrorAlert error={assign.error} />
          <Group>
            <Button type="submit" loading={assign.isPending} disabled={!changed} data-testid="assign-submit">
              {t('justice.assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** The prosecutor extends the pre-trial term, with the reason (kept encrypted in the history). */
export function DeadlineSection({ cc }: { cc: CriminalCaseView }) {
  const { t } = useTranslation();
  const extend = useCriminalCaseAction(cc.id, 'deadline');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const errors = fieldErrors(extend.error);
  return (
    <Section title={t('justice.deadline.title')} testId="deadline-section">
      <form
        data-testid="deadline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!until || !note.trim()) return;
          extend.mutate({ until, note }, { onSuccess: () => setNote('') });
        }}
      >
        <Stack gap="xs">
          <DateField
            data-testid="deadline-until"
            label={t('justice.deadline.until')}
            value={until}
            onChange={setUntil}
            min={cc.deadlineOn ?? undefined}
            error={errors.until}
          />
          <Textarea
            data-testid="deadline-note"
            label={t('justice.deadline.note')}
            withAsterisk
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            error={errors.note}
          />
          <ErrorAlert error={extend.error} />
          <Group>
            <Button type="submit" loading={extend.isPending} disabled={!until || !note.trim()} data-testid="deadline-submit">
              {t('justice.deadline.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
