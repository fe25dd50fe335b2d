import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Screening, ScreeningReference } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDate, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useCountryName } from '../../components/use-country-name.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useScreening, useScreeningReference } from './api.ts';
import { statusColor } from '../cases/StatusBadge.tsx';
import { HandoverPanel, HandoverReceipt } from './HandoverPanel.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { textIn } from './screening-draft.ts';
import { isolate } from '../../components/UserText.tsx';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

function FiredList({ s, reference }: { s: Screening; reference: ScreeningReference | undefined }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const label = (listId: string, id: string) => {
    const ind = reference?.lists.find((l) => l.id === listId)?.indicators.find((i) => i.id === id);
    return ind ? textIn(ind.labels, lng) : id;
  };
  if (s.result.fired.length === 0) return <Text size="sm">{t('screening.result.noneFired')}</Text>;
  return (
    <List size="sm" spacing={4} data-testid="screening-fired">
      {s.result.fired.map((f) => (
        <List.Item key={`${f.listId}:${f.indicatorId}`}>
          {label(f.listId, f.indicatorId)}{' '}
          {f.control && (
            <Badge size="xs" color="red" variant="light">
              {t('screening.result.control')}
            </Badge>
          )}{' '}
          {f.verification !== 'verified' && (
            <Badge size="xs" color="orange" variant="light">
              {t('screening.provisional')}
            </Badge>
          )}
        </List.Item>
      ))}
    </List>
  );
}

export function ScreeningResultPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const countryName = useCountryName();
  const q = useScreening(id);
  const reference = useScreeningReference();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const r = s.result;
  return (
    <Stack maw={760}>
      <Group justify="space-between" align="center">
        <Title order={1} data-testid="screening-reference">
          {s.reference}
        </Title>
        {/* The screening's level, never an identification status: a screening is not an identification. */}
        <LevelBadge level={r.level} testId="screening-level-badge" />
      </Group>
      <Alert color={statusColor('level', r.level)} variant="light" title={t('screening.result.title')}>
        <Stack gap="xs">
          <Title order={2} size="h3" data-testid="screening-level">
            {t(`screeningLevel.${r.level}`)}
          </Title>
          <Text size="sm">{t(`screening.levelHelp.${r.level}`)}</Text>
          <Text size="sm" fs="italic">
            {t('screening.result.notDetermination')}
          </Text>
          {r.reasons.length > 0 && (
            <List size="sm" spacing={2}>
              {r.reasons.map((reason) => (
                <List.Item key={reason}>{t(`screening.reason.${reason}`, { defaultValue: reason })}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Alert>
      {r.provisional && (
        <Alert color="orange" variant="light" title={t('screening.provisional')} data-testid="screening-provisional-note">
          {t('screening.result.provisionalHelp')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('screening.result.fired')}
        </Title>
        <FiredList s={s} reference={reference.data} />
      </Paper>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Fact label={t('screening.fields.encounterDate')} value={formatDate(s.encounterDate, lng)} />
          <Fact label={t('screening.fields.region')} value={regionName(s.regionCode, lng)} />
          <Fact label={t('screening.fields.setting')} value={t(`setting.${s.setting}`)} />
          <Fact
            label={t('screening.fields.language')}
            value={`${t(`screeningLanguage.${s.language}`, { defaultValue: s.language })}${s.interpreterUsed ? ` · ${t('screening.result.withInterpreter')}` : ''}`}
          />
          <Fact label={t('screening.fields.ageGroup')} value={t(`screening.ageGroup.${s.ageGroup}`)} />
          <Fact label={t('screening.fields.gender')} value={t(`gender.${s.gender}`)} />
          <Fact label={t('screening.fields.citizenship')} value={countryName(s.citizenship)} />
          <Fact label={t('screening.fields.exploitationTypes')} value={s.exploitationTypes.map((e) => t(`exploitation.${e}`)).join(', ')} />
          <Fact label={t('screening.result.screener')} value={`${isolate(s.screenerName)} · ${isolate(agencyName(s.agencyName, lng))}`} />
          <Fact label={t('screening.result.recordKind')} value={t(s.anonymous ? 'screening.result.anonymous' : 'screening.result.named')} />
        </SimpleGrid>
        {(s.personId || s.caseId) && (
          <Group mt="md" gap="lg">
            {s.personId && (
              <Anchor component={Link} href={`/persons/${s.personId}`} data-testid="screening-person-link">
                {t('screening.result.openPerson')}
              </Anchor>
            )}
            {s.caseId && (
              <Anchor component={Link} href={`/cases/${s.caseId}`} data-testid="screening-case-link">
                {t('screening.result.openCase')}
              </Anchor>
            )}
          </Group>
        )}
        {s.anonymous && (
          <Text size="sm" c="dimmed" mt="md">
            {t('screening.result.anonymousHelp')}
          </Text>
        )}
      </Paper>
      {/* Every screening with consent opened a case. Its ids are hidden once the screener handed
          the person over through another screening, but this case can still be handed over. */}
      {s.handover ? <HandoverReceipt s={s} /> : !s.anonymous && <HandoverPanel s={s} />}
      <Anchor component={Link} href="/screenings">
        {t('screening.result.backToList')}
      </Anchor>
    </Stack>
  );
}
