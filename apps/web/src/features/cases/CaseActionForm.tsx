import { Button, Input, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import {
  CASE_ACTION_RULES,
  CASE_ACTION_TYPES,
  decisionOrgOf,
  NON_PUNISHMENT_DECISIONS,
  type CaseActionInput,
  type ExploitationType,
  type NonPunishmentDecision,
} from '@qorgau/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { agencyName } from '../../components/format.ts';
import { newClientId } from '../../api/client-id.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { DateField } from '../../components/DateField.tsx';
import { isIsoDate } from '../../components/date-input.ts';
import { useMeQuery } from '../auth/session.ts';
import { useAppendAction, type DirectoryAgency } from './api.ts';
import { findingsInput, IdentificationFindings, initialFindings } from './IdentificationFindings.tsx';
import { isolate } from '../../components/UserText.tsx';

/** Actions a client may append at all (core's rule table); the server's `allowedActions` narrows them to this user now. */
const INPUT_TYPES = CASE_ACTION_TYPES.filter((a) => !('system' in CASE_ACTION_RULES[a]));
type InputType = CaseActionInput['type'];
const OUTCOMES = ['ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'] as const;
const REVIEW_KINDS = ['review', 'appeal'] as const;
/**
 * Actions that decide (or re-decide) the trafficking status: they need an outcome and reasons.
 * The deciding organisation is derived by the server from the officer's agency (shown in the history).
 */
const DECIDING = new Set<string>(['identification_decided', 'identification_reviewed']);

interface Props {
  caseId: string;
  allowed: string[];
  agencies: DirectoryAgency[];
  agenciesLoading: boolean;
  /** The case's current forms of exploitation: the starting point of the identification findings. */
  exploitationTypes: readonly ExploitationType[];
}

export function CaseActionForm({ caseId, allowed, agencies, agenciesLoading, exploitationTypes }: Props) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const types = INPUT_TYPES.filter((a) => allowed.includes(a)) as InputType[];
  const [type, setType] = useState<InputType | ''>('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState('');
  const [toAgencyId, setToAgencyId] = useState('');
  const [kind, setKind] = useState('');
  const [decision, setDecision] = useState('');
  // The day a decision was taken when it is recorded later ('' for today); bounded by the server.
  const [occurredOn, setOccurredOn] = useState('');
  const [findings, setFindings] = useState(() => initialFindings(exploitationTypes));
  const [missing, setMissing] = useState<string[]>([]);
  const [clientId, setClientId] = useState(newClientId);
  const append = useAppendAction(caseId);
  const me = useMeQuery();
  if (types.length === 0) return null;

  // A single action on offer (reopening a closed case) is chosen already.
  const current = type && types.includes(type) ? type : types.length === 1 ? (types[0] ?? '') : '';
  const textOptional = current === 'referred';
  const buildAction = (): CaseActionInput | null => {
    const miss: string[] = [];
    if (!current) miss.push('type');
    if (!text.trim() && !textOptional) miss.push(DECIDING.has(current) ? 'reasons' : 'text');
    if (DECIDING.has(current) && !outcome) miss.push('outcome');
    if (current === 'identification_reviewed' && !kind) miss.push('kind');
    if (current === 'non_punishment_reviewed' && !decision) miss.push('decision');
    if (current === 'referred' && !toAgencyId) miss.push('toAgencyId');
    if (DECIDING.has(current) && occurredOn && !isIsoDate(occurredOn)) miss.push('occurredOn');
    setMissing(miss);
    if (miss.length > 0 || !current) return null;
    const body = text.trim();
    const late = DECIDING.has(current) && occurredOn ? { occurredOn } : {};
    switch (current) {
      case 'identification_decided':
        return {
          type: current,
          outcome: outcome as (typeof OUTCOMES)[number],
          reasons: body,
          ...late,
          ...findingsInput(findings, exploitationTypes),
        };
      case 'identification_reviewed':
        return { type: current, kind: kind as (typeof REVIEW_KINDS)[number], outcome: outcome as (typeof OUTCOMES)[number], reasons: body, ...late };
      case 'non_punishment_reviewed':
        return { type: current, decision: decision as NonPunishmentDecision, text: body };
      case 'referred':
        return { type: current, toAgencyId, ...(body ? { text: body } : {}) };
      default:
        return { type: current, text: body };
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const action = buildAction();
    if (!action) return;
    append.mutate(
      { clientId, action },
      {
        onSuccess: () => {
          setType('');
          setText('');
          setOutcome('');
          setToAgencyId('');
          setKind('');
          setDecision('');
          setOccurredOn('');
          setFindings(initialFindings(exploitationTypes));
          setClientId(newClientId());
        },
      },
    );
  };

  const server = fieldErrors(append.error, 'action.');
  const err = (f: string) => (missing.includes(f) ? t(f === 'occurredOn' ? 'validation.invalid_date' : 'validation.required') : server[f]);
  const choose = { value: '', label: t('common.choose') };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('cases.action.title')}
          </Title>
          <ErrorAlert error={append.error} />
          <NativeSelect
            data-testid="case-action-type"
            label={t('cases.action.type')}
            value={current}
            onChange={(e) => setType(e.currentTarget.value as InputType | '')}
            data={[choose, ...types.map((a) => ({ value: a, label: t(`caseAction.${a}`) }))]}
            error={err('type')}
          />
          {current === 'identification_reviewed' && (
            <NativeSelect
              data-testid="case-action-kind"
              label={t('cases.action.reviewKind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              data={[choose, ...REVIEW_KINDS.map((k) => ({ value: k, label: t(`reviewKind.${k}`) }))]}
              error={err('kind')}
            />
          )}
          {current === 'non_punishment_reviewed' && (
            <NativeSelect
              data-testid="case-action-decision"
              label={t('cases.action.nonPunishmentDecision')}
              value={decision}
              onChange={(e) => setDecision(e.currentTarget.value)}
              data={[choose, ...NON_PUNISHMENT_DECISIONS.map((d) => ({ value: d, label: t(`nonPunishmentDecision.${d}`) }))]}
              error={err('decision')}
            />
          )}
          {DECIDING.has(current) && (
            <NativeSelect
              data-testid="case-action-outcome"
              label={t('cases.action.outcome')}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value)}
              data={[choose, ...OUTCOMES.map((o) => ({ value: o, label: t(`traffickingStatus.${o}`) }))]}
              error={err('outcome')}
            />
          )}
          {DECIDING.has(current) && me.data && (
            // Shown as a field that is filled in already: it is the officer's own agency, not a choice.
            <Input.Wrapper label={t('cases.action.decidedBy')} data-testid="case-action-decided-by">
              <Text size="sm">{t(`decisionOrg.${decisionOrgOf(me.data.agency.type)}`)}</Text>
            </Input.Wrapper>
          )}
          {DECIDING.has(current) && (
            <DateField
              data-testid="case-action-occurred-on"
              label={t('cases.action.occurredOn')}
              description={t('cases.action.occurredOnHint')}
              value={occurredOn}
              onChange={setOccurredOn}
              error={err('occurredOn')}
            />
          )}
          {current === 'referred' && (
            <NativeSelect
              data-testid="case-action-agency"
              label={t('cases.action.toAgency')}
              value={toAgencyId}
              onChange={(e) => setToAgencyId(e.currentTarget.value)}
              disabled={agenciesLoading}
              data={[
                agenciesLoading ? { value: '', label: t('common.loading') } : choose,
                ...agencies
                  .map((a) => ({
                    value: a.id,
                    label: a.type ? `${isolate(agencyName(a.name, lng))} (${t(`agencyTypes.${a.type}`)})` : isolate(agencyName(a.name, lng)),
                  }))
                  .sort((x, y) => x.label.localeCompare(y.label, lng)),
              ]}
              error={err('toAgencyId')}
            />
          )}
          {current && (
            <Textarea
              data-testid="case-action-text"
              label={DECIDING.has(current) ? t('cases.action.reasons') : t('cases.action.text')}
              description={textOptional ? t('common.optional') : undefined}
              autosize
              minRows={3}
              maxLength={10_000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={DECIDING.has(current) ? err('reasons') : err('text')}
            />
          )}
          {current === 'identification_decided' && <IdentificationFindings value={findings} onChange={setFindings} />}
          <Button type="submit" data-testid="case-action-submit" loading={append.isPending} disabled={!current}>
            {t('cases.action.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
