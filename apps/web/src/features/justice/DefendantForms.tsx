import { Badge, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  CHARGE_CHANGE_REASONS,
  CHARGE_REASON_ROLES,
  DEFENDANT_KINDS,
  DEFENDANT_STATUSES,
  OFFICIAL_AGENCY_TYPES,
  OUTCOMES,
  SENTENCE_KINDS,
  type DefendantView,
  type Role,
} from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { kazakhstanToday } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCriminalArticles, useCriminalCase } from './api.ts';
import { parseArticles, useDefendantAction } from './defendants-api.ts';

/** The reasons of a reclassification this role records (core CHARGE_REASON_ROLES: the court's is the clerk's). */
function reasonsFor(role: Role | undefined) {
  return CHARGE_CHANGE_REASONS.filter((r) => r !== 'initial' && role !== undefined && (CHARGE_REASON_ROLES[r] as readonly Role[]).includes(role));
}

/** Official flag and her agency type: the agency list appears only for an official individual. */
function ComplicityFields(p: {
  kind: string;
  official: boolean;
  agency: string;
  onOfficial: (v: boolean) => void;
  onAgency: (v: string) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (p.kind === 'business') return null;
  return (
    <>
      <Checkbox
        label={t('justice.defendants.official')}
        checked={p.official}
        onChange={(e) => p.onOfficial(e.currentTarget.checked)}
        error={p.errors.official}
        data-testid="defendant-official"
      />
      {p.official && (
        <NativeSelect
          label={t('justice.defendants.officialAgencyType')}
          value={p.agency}
          onChange={(e) => p.onAgency(e.currentTarget.value)}
          data={[
            { value: '', label: t('justice.defendants.none') },
            ...OFFICIAL_AGENCY_TYPES.map((v) => ({ value: v, label: t(`justice.officialAgencyType.${v}`) })),
          ]}
          error={p.errors.officialAgencyType}
          data-testid="defendant-agency"
        />
      )}
    </>
  );
}

/**
 * The articles of a charge: a checkbox per article of the case's Code version (its number,
 * title and whether it counts as trafficking); while the reference is not at hand, the codes
 * typed, comma-separated.
 */
function ArticlesField(p: { criminalCaseId: string; value: string[]; onChange: (v: string[]) => void; error?: string | undefined; testId: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const cc = useCriminalCase(p.criminalCaseId);
  const sets = useCriminalArticles();
  const [text, setText] = useState(p.value.join(', '));
  const list = sets.data?.sets ?? [];
  const set = list.find((s) => s.version === cc.data?.articlesVersion) ?? list.at(-1);
  if (!set)
    return (
      <TextInput
        label={t('justice.defendants.articles')}
        description={t('justice.defendants.articlesHint')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          p.onChange(parseArticles(e.currentTarget.value));
        }}
        error={p.error}
        required
        autoComplete="off"
        data-testid={p.testId}
      />
    );
  return (
    <Checkbox.Group label={t('justice.defendants.articles')} withAsterisk value={p.value} onChange={p.onChange} error={p.error} data-testid={p.testId}>
      <Stack gap={6} mt={6}>
        {set.articles.map((a) => (
          <Checkbox
            key={a.code}
            value={a.code}
            data-testid={`${p.testId}-${a.code}`}
            label={
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {a.code}
                </Text>
                <Text size="sm">{a.title[lng as 'kk' | 'ru' | 'en'] ?? a.title.ru}</Text>
                {a.trafficking && (
                  <Badge size="xs" variant="light">
                    {t('justice.trafficking')}
                  </Badge>
                )}
              </Group>
            }
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function DefendantAddForm({ criminalCaseId, onDone }: { criminalCaseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useDefendantAction(criminalCaseId, 'add');
  const [kind, setKind] = useState<string>('individual');
  const [name, setName] = useState('');
  const [citizenship, setCitizenship] = useState('');
  const [status, setStatus] = useState<string>('suspect');
  const [official, setOfficial] = useState(false);
  const [agency, setAgency] = useState('');
  const [articles, setArticles] = useState<string[]>([]);
  const errors = fieldErrors(add.error);
  return (
    <form
      data-testid="defendant-add-form"
      onSubmit={(e) => {
        e.preventDefault();
        const isOfficial = kind === 'individual' && official;
        add.mutate(
          {
            kind,
            name,
            status,
            official: isOfficial,
            articles,
            ...(citizenship ? { citizenship: citizenship.toUpperCase() } : {}),
            ...(isOfficial && agency ? { officialAgencyType: agency } : {}),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('justice.defendants.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={DEFENDANT_KINDS.map((v) => ({ value: v, label: t(`justice.defendantKind.${v}`) }))}
            data-testid="defendant-kind"
          />
          <TextInput
            label={t('justice.defendants.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            maxLength={200}
            autoComplete="off"
            data-testid="defendant-name"
          />
          <TextInput
            label={t('justice.defendants.citizenship')}
            value={citizenship}
            onChange={(e) => setCitizenship(e.currentTarget.value)}
            error={errors.citizenship}
            maxLength={2}
            autoComplete="off"
            data-testid="defendant-citizenship"
          />
          <NativeSelect
            label={t('justice.defendants.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={DEFENDANT_STATUSES.map((v) => ({ value: v, label: t(`justice.defendantStatus.${v}`) }))}
            data-testid="defendant-status"
          />
          <ArticlesField criminalCaseId={criminalCaseId} value={articles} onChange={setArticles} error={errors.articles} testId="defendant-articles" />
        </SimpleGrid>
        <ComplicityFields kind={kind} official={official} agency={agency} onOfficial={setOfficial} onAgency={setAgency} errors={errors} />
        <ErrorAlert error={add.error} />
        <FormActions pending={add.isPending} testId="defendant-add-submit" label={t('justice.defendants.addSubmit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function DefendantEditForm({ criminalCaseId, d, onDone }: { criminalCaseId: string; d: DefendantView; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useDefendantAction(criminalCaseId, 'update', d.id);
  const [status, setStatus] = useState<string>(d.status);
  const [official, setOfficial] = useState(d.official);
  const [agency, setAgency] = useState(d.officialAgencyType ?? '');
  const errors = fieldErrors(save.error);
  return (
    <form
      data-testid="defendant-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ status, official, officialAgencyType: official && agency ? agency : null }, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        <NativeSelect
          label={t('justice.defendants.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={DEFENDANT_STATUSES.map((v) => ({ value: v, label: t(`justice.defendantStatus.${v}`) }))}
          data-testid="defendant-edit-status"
        />
        <ComplicityFields kind={d.kind} official={official} agency={agency} onOfficial={setOfficial} onAgency={setAgency} errors={errors} />
        <ErrorAlert error={save.error} />
        <FormActions pending={save.isPending} testId="defendant-edit-submit" label={t('justice.defendants.editSubmit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function DefendantChargeForm(p: { criminalCaseId: string; d: DefendantView; role: Role | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const charge = useDefendantAction(p.criminalCaseId, 'charge', p.d.id);
  const reasons = reasonsFor(p.role);
  const [articles, setArticles] = useState<string[]>(p.d.articles);
  const [reason, setReason] = useState<string>(reasons[0] ?? '');
  const [on, setOn] = useState(kazakhstanToday());
  const [note, setNote] = useState('');
  const errors = fieldErrors(charge.error);
  return (
    <form
      data-testid="defendant-charge-form"
      onSubmit={(e) => {
        e.preventDefault();
        charge.mutate({ articles, reason, on, ...(note ? { note } : {}) }, { onSuccess: p.onDone });
      }}
    >
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ArticlesField criminalCaseId={p.criminalCaseId} value={articles} onChange={setArticles} error={errors.articles} testId="charge-articles" />
          <NativeSelect
            label={t('justice.defendants.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data={reasons.map((v) => ({ value: v, label: t(`justice.chargeReason.${v}`) }))}
            error={errors.reason}
            data-testid="charge-reason"
          />
          <DateField label={t('justice.defendants.on')} value={on} onChange={setOn} error={errors.on} max={kazakhstanToday()} data-testid="charge-on" />
        </SimpleGrid>
        <Textarea label={t('justice.defendants.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={2} maxLength={2000} />
        <ErrorAlert error={charge.error} />
        <FormActions pending={charge.isPending} testId="charge-submit" label={t('justice.defendants.reclassifySubmit')} onCancel={p.onDone} />
      </Stack>
    </form>
  );
}

const TERM = ['custodial', 'suspended', 'restricted_liberty', 'other'];

export function DefendantOutcomeForm({ criminalCaseId, d, onDone }: { criminalCaseId: string; d: DefendantView; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useDefendantAction(criminalCaseId, 'outcome', d.id);
  const [outcome, setOutcome] = useState<string>(d.outcome ?? 'convicted');
  const [on, setOn] = useState(d.outcomeOn ?? kazakhstanToday());
  const [sentenceKind, setSentenceKind] = useState<string>(d.sentenceKind ?? '');
  const [months, setMonths] = useState<number | string>(d.sentenceMonths ?? '');
  const [fine, setFine] = useState<number | string>(d.fineTenge ?? '');
  const errors = fieldErrors(record.error);
  const convicted = outcome === 'convicted';
  const showMonths = convicted && TERM.includes(sentenceKind);
  const showFine = convicted && sentenceKind !== '';
  return (
    <form
      data-testid="defendant-outcome-form"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate(
          {
            outcome,
            on,
            ...(convicted && sentenceKind ? { sentenceKind } : {}),
            ...(showMonths && typeof months === 'number' ? { sentenceMonths: months } : {}),
            ...(showFine && typeof fine === 'number' ? { fineTenge: fine } : {}),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('justice.defendants.outcomeField')}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            data={OUTCOMES.map((v) => ({ value: v, label: t(`justice.outcome.${v}`) }))}
            data-testid="outcome-outcome"
          />
          <DateField label={t('justice.defendants.on')} value={on} onChange={setOn} error={errors.on} max={kazakhstanToday()} data-testid="outcome-on" />
          {convicted && (
            <NativeSelect
              label={t('justice.defendants.sentenceKind')}
              value={sentenceKind}
              onChange={(e) => setSentenceKind(e.currentTarget.value)}
              data={[{ value: '', label: t('justice.defendants.none') }, ...SENTENCE_KINDS.map((v) => ({ value: v, label: t(`justice.sentenceKind.${v}`) }))]}
              error={errors.sentenceKind}
              data-testid="outcome-sentence-kind"
            />
          )}
          {showMonths && (
            <NumberInput
              label={t('justice.defendants.sentenceMonths')}
              value={months}
              onChange={setMonths}
              allowDecimal={false}
              error={errors.sentenceMonths}
              data-testid="outcome-months"
            />
          )}
          {showFine && (
            <NumberInput
              label={t('justice.defendants.fineTenge')}
              value={fine}
              onChange={setFine}
              allowDecimal={false}
              thousandSeparator=" "
              error={errors.fineTenge}
              data-testid="outcome-fine"
            />
          )}
        </SimpleGrid>
        <ErrorAlert error={record.error} />
        <FormActions pending={record.isPending} testId="outcome-submit" label={t('justice.defendants.outcomeSubmit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}
