import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { formatTenge } from '../protection/api.ts';
import { usePersonProceedings } from './victims-api.ts';

/**
 * The person page's panel (issue #11 item 2): her part in criminal proceedings, for readers with
 * `proceedings.read`. A case the reader may not open shows its articles and stage only. Hidden
 * when she is in no proceedings.
 */
export function PersonProceedingsPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const allowed = can('proceedings.read');
  const q = usePersonProceedings(personId, allowed);
  if (!allowed) return null;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="person-proceedings">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('justice.victims.panelTitle')}
        </Title>
        {q.data.items.map((p, n) => {
          const label = t('justice.victims.caseLabel', { articles: p.articles.join(', '), number: p.erdrNumber ?? '—' });
          const cost = p.measures.reduce((s, m) => s + (m.costTenge ?? 0), 0);
          return (
            <Stack key={p.criminalCaseId ?? `hidden-${n}`} gap={2} data-testid="person-proceeding">
              <Group justify="space-between" wrap="wrap">
                {p.criminalCaseId ? (
                  <Anchor component={Link} href={`/criminal-cases/${p.criminalCaseId}`} fw={600}>
                    {label}
                  </Anchor>
                ) : (
                  <Text fw={600}>{label}</Text>
                )}
                <Group gap="xs">
                  <Badge variant="light">{t(`justice.stage.${p.stage}`, { defaultValue: p.stage })}</Badge>
                  <Text size="sm" c="dimmed">
                    {formatDate(p.stageOn, lng)}
                  </Text>
                </Group>
              </Group>
              <Text size="sm">
                {t(`justice.proceduralRole.${p.proceduralRole}`)} · {t('justice.victims.linkedSince', { date: formatDate(p.linkedOn, lng) })}
                {p.participated ? ` · ${t('justice.victims.participated')}` : ''} · {t('justice.victims.interviewCount', { count: p.interviews })}
                {p.videoTestimonyRecorded ? ` · ${t('justice.victims.videoTestimony')}` : ''}
              </Text>
              {p.measures.length > 0 && (
                <Text size="sm" c="dimmed">
                  {p.measures.map((m) => `${t(`justice.measure.${m.measure}`)} (${t(`justice.measureStatus.${m.status}`)})`).join(', ')}
                  {cost > 0 ? ` · ${formatTenge(cost, lng)}` : ''}
                </Text>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
