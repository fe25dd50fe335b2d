import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CriminalCaseView } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Fact } from '../../components/Fact.tsx';
import { agencyName, formatDate, formatDateTime, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCriminalCase } from './api.ts';
import { DefendantsSection } from './DefendantsSection.tsx';
import { StageBadge } from './justice-bits.tsx';
import { AssignSection, DeadlineSection, Section, StageSection } from './StageSection.tsx';
import { VictimsSection } from './VictimsSection.tsx';

type HistoryEntry = CriminalCaseView['history'][number];

/** What an entry of the history says beyond its type: codes and dates only, labelled. */
function EventDetails({ e }: { e: HistoryEntry }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const d = e.details as Record<string, unknown>;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const parts: string[] = [];
  if (e.type === 'change_stage' && str('to')) {
    parts.push(
      t('justice.history.stageChange', { from: t(`justice.stage.${str('from')}`), to: t(`justice.stage.${str('to')}`), on: formatDate(str('on'), lng) }),
    );
    const reason = str('reason');
    if (reason) parts.push(t(`justice.${str('to') === 'suspended' ? 'suspensionReason' : 'terminationReason'}.${reason}`));
  } else if (e.type === 'extend_deadline' && str('until')) {
    parts.push(t('justice.history.deadline', { until: formatDate(str('until'), lng) }));
  } else if (e.type === 'registered' && str('registeredOn')) {
    parts.push(formatDate(str('registeredOn'), lng));
  }
  return (
    <>
      {parts.length > 0 && <Text size="sm">{parts.join(' · ')}</Text>}
      {e.note && (
        <Text size="xs" c="dimmed">
          <UserText>{e.note}</UserText>
        </Text>
      )}
    </>
  );
}

/**
 * A criminal case (issue #11 item 1): its facts, stage and deadline, history, and the forms the
 * server's `allowedActions` allow this reader; then its defendants and victims.
 */
export function CriminalCasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const q = useCriminalCase(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const cc = q.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('justice.case')}
          </Text>
          <Title order={1} data-testid="criminal-case-erdr-number" fz={{ base: 22, sm: 34 }} style={{ wordBreak: 'break-all' }}>
            {cc.erdrNumber}
          </Title>
        </Stack>
        <StageBadge stage={cc.stage} />
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          <Fact label={t('justice.fields.articles')}>
            <Stack gap={2} data-testid="criminal-case-articles">
              {cc.articles.map((a) => (
                <Text key={a.code} size="sm">
                  <b>{t('justice.articleShort', { code: a.code })}</b> {a.title ? a.title[lng as 'kk' | 'ru' | 'en'] : ''}
                </Text>
              ))}
            </Stack>
          </Fact>
          <Fact label={t('justice.fields.stage')}>
            <Text data-testid="criminal-case-stage-text">
              {t(`justice.stage.${cc.stage}`)} · {formatDate(cc.stageOn, lng)}
            </Text>
            {cc.stageReason && (
              <Text size="sm" c="dimmed">
                {t(`justice.${cc.stage === 'suspended' ? 'suspensionReason' : 'terminationReason'}.${cc.stageReason}`)}
              </Text>
            )}
          </Fact>
          <Fact label={t('justice.fields.deadline')}>
            <Text c={cc.overdue ? 'red' : undefined} fw={cc.overdue ? 700 : undefined} data-testid="criminal-case-deadline">
              {cc.deadlineOn ? formatDate(cc.deadlineOn, lng) : '—'}
              {cc.overdue && (
                <Badge color="red" variant="light" ml={6}>
                  {t('justice.overdue')}
                </Badge>
              )}
            </Text>
          </Fact>
          <Fact label={t('justice.fields.registeredOn')}>
            <Text>{formatDate(cc.registeredOn, lng)}</Text>
          </Fact>
          <Fact label={t('justice.fields.region')}>
            <Text>{regionName(cc.regionCode, lng)}</Text>
          </Fact>
          <Fact label={t('justice.fields.ownerAgency')}>
            <Text>
              <UserText>{agencyName(cc.ownerAgency.name, lng)}</UserText>
            </Text>
          </Fact>
          <Fact label={t('justice.fields.investigator')}>
            <Text data-testid="criminal-case-investigator">{cc.investigator ? <UserText>{cc.investigator.name}</UserText> : '—'}</Text>
          </Fact>
          <Fact label={t('justice.fields.prosecutor')}>
            <Text data-testid="criminal-case-prosecutor">{cc.prosecutor ? <UserText>{cc.prosecutor.name}</UserText> : '—'}</Text>
          </Fact>
          {cc.endedOn && (
            <Fact label={t('justice.fields.endedOn')}>
              <Text>{formatDate(cc.endedOn, lng)}</Text>
            </Fact>
          )}
          <Fact label={t('justice.fields.exploitationTypes')}>
            <Text size="sm">{cc.exploitationTypes.length ? cc.exploitationTypes.map((e) => t(`exploitation.${e}`)).join(', ') : '—'}</Text>
          </Fact>
          <Fact label={t('justice.fields.counts')}>
            <Text size="sm">{t('justice.countsText', { defendants: cc.counts.defendants, victims: cc.counts.victims })}</Text>
          </Fact>
        </SimpleGrid>
        {cc.summary && (
          <Stack gap={2} mt="md">
            <Text size="xs" c="dimmed">
              {t('justice.fields.summary')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="criminal-case-summary-text">
              <UserText>{cc.summary}</UserText>
            </Text>
          </Stack>
        )}
      </Paper>
      <StageSection cc={cc} />
      <DefendantsSection criminalCaseId={cc.id} />
      <VictimsSection criminalCaseId={cc.id} />
      {/* The supervising prosecutor's occasional decisions come after the people of the case. */}
      {cc.allowedActions.includes('assign') && <AssignSection cc={cc} />}
      {cc.allowedActions.includes('extend_deadline') && <DeadlineSection cc={cc} />}
      <Section title={t('justice.history.title')} testId="criminal-case-history">
        <DataTable minWidth={420} label={t('justice.history.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('justice.history.when')}</Table.Th>
              <Table.Th>{t('justice.history.what')}</Table.Th>
              <Table.Th>{t('justice.history.who')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cc.history.map((e) => (
              <Table.Tr key={e.id} data-testid="criminal-case-event">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, lng)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t(`justice.event.${e.type}`)}
                  </Text>
                  <EventDetails e={e} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`roles.${e.actorRole}`)}</Text>
                  <Text size="xs" c="dimmed">
                    <UserText>{agencyName(e.agencyName, lng)}</UserText>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      </Section>
    </Stack>
  );
}
