import { Badge, Button, Checkbox, Group, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { CLOSURE_REASONS, RISK_LEVELS, type ProtectionCase } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useProtectionAction } from './api.ts';
import { Section } from './protection-bits.tsx';

type FollowUp = ProtectionCase['followUps'][number];

/** Records one follow-up: whether she was reached, the re-trafficking risk found, what was learnt. */
function FollowUpForm({ pc, f }: { pc: ProtectionCase; f: FollowUp }) {
  const { t } = useTranslation();
  const save = useProtectionAction(pc.id, 'follow-ups');
  const [contacted, setContacted] = useState(true);
  const [riskLevel, setRiskLevel] = useState<string>('low');
  const [outcome, setOutcome] = useState('');
  return (
    <form
      data-testid="follow-up-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ followUpId: f.id, contacted, riskLevel, ...(outcome ? { outcome } : {}) });
      }}
    >
      <Stack gap="xs">
        <Checkbox label={t('protection.followUps.contacted')} checked={contacted} onChange={(e) => setContacted(e.currentTarget.checked)} />
        <NativeSelect
          label={t('protection.followUps.risk')}
          value={riskLevel}
          onChange={(e) => setRiskLevel(e.currentTarget.value)}
          data={RISK_LEVELS.map((v) => ({ value: v, label: t(`riskLevel.${v}`) }))}
        />
        <Textarea label={t('protection.followUps.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} autosize minRows={2} />
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="save-follow-up">
            {t('protection.followUps.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Closure with a reason (it schedules the follow-up), and the follow-ups after it. */
export function ClosureSection({ pc }: { pc: ProtectionCase }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const close = useProtectionAction(pc.id, 'close');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const next = pc.followUps.find((f) => f.doneAt === null);
  return (
    <Section title={t('protection.closure.title')} testId="protection-closure">
      {pc.status === 'closed' ? (
        <Text data-testid="closure-reason">
          {t('protection.closure.closedOn', { date: formatDateTime(pc.closedAt, lng), reason: pc.closureReason ? t(`closureReason.${pc.closureReason}`) : '' })}
        </Text>
      ) : pc.allowedActions.includes('close') ? (
        <form
          data-testid="close-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason) close.mutate({ reason, ...(note ? { note } : {}) });
          }}
        >
          <Stack gap="xs">
            <NativeSelect
              label={t('protection.closure.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data={[{ value: '', label: t('protection.closure.choose') }, ...CLOSURE_REASONS.map((v) => ({ value: v, label: t(`closureReason.${v}`) }))]}
              required
            />
            <Textarea label={t('protection.closure.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
            <Text size="sm" c="dimmed">
              {t('protection.closure.followUpHint')}
            </Text>
            <ErrorAlert error={close.error} />
            <Group>
              <Button type="submit" color="gray" loading={close.isPending} disabled={!reason} data-testid="close-protection">
                {t('protection.closure.close')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text c="dimmed">{t('protection.closure.open')}</Text>
      )}
      {pc.followUps.length > 0 && (
        <DataTable minWidth={420} label={t('protection.followUps.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('protection.followUps.due')}</Table.Th>
              <Table.Th>{t('protection.followUps.kind')}</Table.Th>
              <Table.Th>{t('protection.followUps.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pc.followUps.map((f) => (
              <Table.Tr key={f.id} data-testid="follow-up-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(f.dueOn, lng)}</Table.Td>
                <Table.Td>{t(`followUpKind.${f.kind}`)}</Table.Td>
                <Table.Td>
                  {f.doneAt ? (
                    <>
                      {t(`riskLevel.${f.riskLevel ?? 'low'}`)}
                      {f.outcome && (
                        <Text size="xs" c="dimmed">
                          <UserText>{f.outcome}</UserText>
                        </Text>
                      )}
                    </>
                  ) : f.urgency ? (
                    <Badge color={f.urgency === 'overdue' ? 'red' : 'yellow'} variant="light">
                      {t(`work.urgency.${f.urgency}`)}
                    </Badge>
                  ) : (
                    t('protection.followUps.planned')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
      {next && pc.allowedActions.includes('record_follow_up') && <FollowUpForm key={next.id} pc={pc} f={next} />}
    </Section>
  );
}
