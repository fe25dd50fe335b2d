import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ProceedingVictimView, ProceedingVictimsView } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguageName } from '../../components/language-names.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatTenge } from '../protection/api.ts';
import { InterviewForm, MeasureDecisionForm, MeasureRequestForm, VictimLinkForm, VictimUpdateForm } from './VictimForms.tsx';
import { useVictims } from './victims-api.ts';

type Action = ProceedingVictimsView['allowedActions'][number];
type Open = { victimId: string; form: 'update' | 'interview' | 'measure' } | { victimId: string; form: 'decision'; measureId: string } | null;

/**
 * The victims of a criminal case (issue #11 item 2): who, in which procedural role, whether she
 * took part, left the country (the case continuing under counsel) or took a job; her interviews
 * and protective measures with their cost. Names only for readers who may see her identity;
 * every button only when the server lists the action in `allowedActions`.
 */
export function VictimsSection({ criminalCaseId }: { criminalCaseId: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const q = useVictims(criminalCaseId);
  const [linking, setLinking] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return null;
  const { items, allowedActions } = q.data;
  const may = (a: Action) => allowedActions.includes(a);
  const yesNo = (v: boolean) => t(v ? 'justice.victims.yes' : 'justice.victims.no');

  return (
    <Paper withBorder p="md" data-testid="victims-section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {t('justice.victims.title')}
          </Title>
          {may('link_victim') && !linking && (
            <Button size="sm" onClick={() => setLinking(true)} data-testid="victim-link">
              {t('justice.victims.link')}
            </Button>
          )}
        </Group>
        {linking && <VictimLinkForm criminalCaseId={criminalCaseId} onDone={() => setLinking(false)} />}
        {items.length === 0 ? (
          <Text c="dimmed" data-testid="victims-empty">
            {t('justice.victims.empty')}
          </Text>
        ) : (
          <DataTable minWidth={820} label={t('justice.victims.title')} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('justice.victims.who')}</Table.Th>
                <Table.Th>{t('justice.victims.role')}</Table.Th>
                <Table.Th>{t('justice.victims.linkedOn')}</Table.Th>
                <Table.Th>{t('justice.victims.participated')}</Table.Th>
                <Table.Th>{t('justice.victims.leftCountry')}</Table.Th>
                <Table.Th>{t('justice.victims.job')}</Table.Th>
                <Table.Th>{t('justice.victims.reflection')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((v) => (
                <Table.Tr key={v.id} data-testid="victim-row">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} href={`/persons/${v.personId}`} data-testid="victim-person-link">
                        {v.name ? <UserText>{v.name}</UserText> : v.pseudonym}
                      </Anchor>
                      {v.foreign && (
                        <Badge size="sm" variant="light" color="grape" data-testid="victim-foreign">
                          {t('justice.victims.foreign')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`justice.proceduralRole.${v.proceduralRole}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(v.linkedOn, lng)}</Table.Td>
                  <Table.Td>{yesNo(v.participated)}</Table.Td>
                  <Table.Td data-testid="victim-left">
                    {v.leftCountryOn
                      ? `${formatDate(v.leftCountryOn, lng)}${v.counselContinues ? ` · ${t('justice.victims.underCounsel')}` : ''}`
                      : t('justice.victims.no')}
                  </Table.Td>
                  <Table.Td>
                    {v.employedSince ? t('justice.victims.employedFrom', { date: formatDate(v.employedSince, lng) }) : t('justice.victims.no')}
                  </Table.Td>
                  <Table.Td data-testid="victim-reflection">
                    {v.reflectionPeriod
                      ? v.reflectionPeriod.endsOn
                        ? t('justice.victims.reflectionEnds', { date: formatDate(v.reflectionPeriod.endsOn, lng) })
                        : t('justice.victims.reflectionUntilFinal')
                      : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
        {items.map((v) => (
          <VictimDetails key={v.id} criminalCaseId={criminalCaseId} victim={v} may={may} open={open} setOpen={setOpen} />
        ))}
      </Stack>
    </Paper>
  );
}

/** One victim's interviews and measures, and the forms for her. */
function VictimDetails({
  criminalCaseId,
  victim: v,
  may,
  open,
  setOpen,
}: {
  criminalCaseId: string;
  victim: ProceedingVictimView;
  may: (a: Action) => boolean;
  open: Open;
  setOpen: (o: Open) => void;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const lng = useLanguage();
  const mine = open?.victimId === v.id ? open : null;
  const close = () => setOpen(null);
  return (
    <Paper withBorder p="sm" data-testid="victim-details">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{v.name ? <UserText>{v.name}</UserText> : v.pseudonym}</Text>
          <Group gap="xs">
            {v.videoTestimonyRecorded && (
              <Badge variant="light" color="blue" data-testid="victim-video-recorded">
                {t('justice.victims.videoTestimony')}
              </Badge>
            )}
            {may('update_victim') && (
              <Button size="xs" variant="default" onClick={() => setOpen({ victimId: v.id, form: 'update' })} data-testid="victim-edit">
                {t('justice.victims.edit')}
              </Button>
            )}
            {may('record_interview') && (
              <Button size="xs" variant="default" onClick={() => setOpen({ victimId: v.id, form: 'interview' })} data-testid="victim-interview">
                {t('justice.victims.recordInterview')}
              </Button>
            )}
            {may('request_measure') && (
              <Button size="xs" variant="default" onClick={() => setOpen({ victimId: v.id, form: 'measure' })} data-testid="victim-measure">
                {t('justice.victims.requestMeasure')}
              </Button>
            )}
          </Group>
        </Group>

        <Text size="sm" fw={600}>
          {t('justice.victims.interviews')}
        </Text>
        {v.interviews.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('justice.victims.noInterviews')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="victim-interviews">
            {v.interviews.map((i) => (
              <Text size="sm" key={i.id} data-testid="victim-interview-row">
                {formatDate(i.heldOn, lng)} · {t(`justice.interviewPlace.${i.place}`)}
                {i.videoRecorded ? ` · ${t('justice.victims.videoRecorded')}` : ''}
                {i.socialWorkerPresent ? ` · ${t('justice.victims.socialWorkerPresent')}` : ''}
                {i.interpreterPresent ? ` · ${t('justice.victims.interpreterPresent')}${i.language ? ` (${languageName(i.language)})` : ''}` : ''}
                {i.repeat ? ` · ${t('justice.victims.repeat')}` : ''}
                {i.repeatReason ? (
                  <>
                    {': '}
                    <UserText>{i.repeatReason}</UserText>
                  </>
                ) : null}
              </Text>
            ))}
          </Stack>
        )}

        <Text size="sm" fw={600}>
          {t('justice.victims.measures')}
        </Text>
        {v.measures.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('justice.victims.noMeasures')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="victim-measures">
            {v.measures.map((m) => (
              <Group key={m.id} gap="xs" wrap="wrap" data-testid="victim-measure-row">
                <Text size="sm">
                  {t(`justice.measure.${m.measure}`)} · {t(`justice.measureStatus.${m.status}`)} · {formatDate(m.requestedOn, lng)}
                  {m.decidedOn ? ` → ${formatDate(m.decidedOn, lng)}` : ''}
                  {m.endedOn ? ` → ${formatDate(m.endedOn, lng)}` : ''}
                  {m.costTenge !== null ? ` · ${formatTenge(m.costTenge, lng)}` : ''}
                </Text>
                {may('decide_measure') && (m.status === 'requested' || m.status === 'granted') && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => setOpen({ victimId: v.id, form: 'decision', measureId: m.id })}
                    data-testid="measure-decide"
                  >
                    {t('justice.victims.decide')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}

        {mine?.form === 'update' && <VictimUpdateForm criminalCaseId={criminalCaseId} victim={v} onDone={close} />}
        {mine?.form === 'interview' && <InterviewForm criminalCaseId={criminalCaseId} victim={v} onDone={close} />}
        {mine?.form === 'measure' && <MeasureRequestForm criminalCaseId={criminalCaseId} victim={v} onDone={close} />}
        {mine?.form === 'decision' &&
          (() => {
            const m = v.measures.find((x) => x.id === mine.measureId);
            return m ? <MeasureDecisionForm key={m.id} criminalCaseId={criminalCaseId} victimId={v.id} measure={m} onDone={close} /> : null;
          })()}
      </Stack>
    </Paper>
  );
}
