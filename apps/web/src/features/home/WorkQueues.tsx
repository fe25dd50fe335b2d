import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { URGENCIES, WorkOverview, type Urgency, type WorkItem, type WorkQueue } from '@qorgau/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { http } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { UserText } from '../../components/UserText.tsx';

/** Overdue in red, due soon in amber, waiting calm (the deadline badge's colours, StatusBadge.tsx). */
export const URGENCY_COLOR: Record<Urgency, string> = { overdue: 'red', due_soon: 'orange', waiting: 'gray' };

const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

function ItemRow({ item }: { item: WorkItem }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const due = item.dueAt ? (isCalendarDate(item.dueAt) ? formatDate(item.dueAt, lng) : formatDateTime(item.dueAt, lng)) : null;
  const since =
    typeof item.facts.since === 'string' && item.facts.since
      ? isCalendarDate(item.facts.since)
        ? formatDate(item.facts.since, lng)
        : formatDateTime(item.facts.since, lng)
      : null;
  const secondary = [
    typeof item.facts.percent === 'number' ? t('work.match', { percent: item.facts.percent }) : null,
    typeof item.facts.role === 'string' ? t(`roles.${item.facts.role}`) : null,
    // Which entitlement is about to lapse (the entitlements_lapsing queue).
    typeof item.facts.entitlement === 'string' ? t(`entitlementKind.${item.facts.entitlement}`) : null,
    // Which follow-up is due: a contact or a risk reassessment (the follow_ups_due queue).
    typeof item.facts.followUp === 'string' ? t(`followUpKind.${item.facts.followUp}`) : null,
    // Criminal cases (issue #11): the stage, the protective measure awaited, the case a flagged person is a victim in.
    typeof item.facts.stage === 'string' ? t(`work.criminalStage.${item.facts.stage}`) : null,
    typeof item.facts.measure === 'string' ? t(`work.measure.${item.facts.measure}`) : null,
    typeof item.facts.criminalCase === 'string' ? t('work.criminalCase', { erdr: item.facts.criminalCase }) : null,
    since ? t('work.since', { date: since }) : null,
  ].filter(Boolean);
  const row = { withBorder: true, p: 'xs', className: 'row-link', 'data-testid': 'work-item', 'data-urgency': item.urgency } as const;
  const body = (
    <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {/* A reference, a pseudonym pair or a username: data, shown as written. */}
          <UserText>{item.label}</UserText>
        </Text>
        {typeof item.facts.pseudonym === 'string' && (
          <Text size="xs" c="dimmed">
            <UserText>{item.facts.pseudonym}</UserText>
          </Text>
        )}
        {secondary.length > 0 && (
          <Text size="xs" c="dimmed">
            {secondary.join(' · ')}
          </Text>
        )}
      </Stack>
      {due && (
        <Badge color={URGENCY_COLOR[item.urgency]} variant="light" size="sm" style={{ textTransform: 'none' }} data-testid="work-item-due">
          {t('work.due', { date: due })}
        </Badge>
      )}
    </Group>
  );
  // An in-page anchor (the grants panel below) is a plain link; every other row opens its page.
  return item.href.startsWith('#') ? (
    <Paper component="a" href={item.href} {...row}>
      {body}
    </Paper>
  ) : (
    <Paper component={Link} href={item.href} {...row}>
      {body}
    </Paper>
  );
}

function QueueCard({ q }: { q: WorkQueue }) {
  const { t } = useTranslation();
  const total = q.counts.overdue + q.counts.due_soon + q.counts.waiting;
  return (
    <Paper withBorder p="sm" data-testid="work-queue" data-queue={q.id} data-total={total}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t(`work.queue.${q.id}`)}
        </Title>
        {q.failed ? (
          <Text size="sm" c="red" data-testid="work-failed">
            {t('work.failed')}
          </Text>
        ) : total === 0 ? (
          <Text size="sm" c="dimmed" data-testid="work-empty">
            {t('work.empty')}
          </Text>
        ) : (
          <>
            <Group gap={6} wrap="wrap">
              {URGENCIES.filter((u) => q.counts[u] > 0).map((u) => (
                <Badge
                  key={u}
                  color={URGENCY_COLOR[u]}
                  variant={u === 'waiting' ? 'light' : 'filled'}
                  size="lg"
                  style={{ textTransform: 'none' }}
                  data-testid={`work-count-${u}`}
                  data-count={q.counts[u]}
                >
                  {q.counts[u]}
                  {q.capped && u === 'waiting' ? '+' : ''} · {t(`work.urgency.${u}`)}
                </Badge>
              ))}
            </Group>
            <Stack gap={4}>
              {q.items.map((item) => (
                <ItemRow key={`${item.href}-${item.label}`} item={item} />
              ))}
            </Stack>
            {q.listHref && total > q.items.length && (
              <Anchor component={Link} href={q.listHref} size="sm" data-testid="work-show-all">
                {t('work.showAll')}
              </Anchor>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The user's work (issue #10 item 5): one card per queue of her role, the most urgent first. */
export function WorkQueues() {
  const { t } = useTranslation();
  const work = useQuery({ queryKey: ['work'], queryFn: () => http.get('/work', WorkOverview), staleTime: 30_000 });
  const queues = work.data?.queues ?? [];
  return (
    <Stack gap="xs" data-testid="work">
      <Title order={2} size="h4">
        {t('work.title')}
      </Title>
      <ErrorAlert error={work.error} onRetry={() => void work.refetch()} />
      {work.isPending && <Skeleton height={96} />}
      {work.data && queues.length === 0 && <Text c="dimmed">{t('work.none')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {queues.map((q) => (
          <QueueCard key={q.id} q={q} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
