import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { CasePage, type CaseSummary } from '@qorgau/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { http } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UserText } from '../../components/UserText.tsx';
import { DeadlineBadge } from '../cases/StatusBadge.tsx';

export type QueueKind = 'identification' | 'non_punishment';

/**
 * The officer's work queue on the home page: cases awaiting formal identification (soonest
 * deadline first, late ones marked) or non-punishment flags awaiting a prosecutor.
 */
export function WorkQueue({ kind }: { kind: QueueKind }) {
  const { t } = useTranslation();
  const queue = useQuery({
    queryKey: ['cases', 'queue', kind],
    queryFn: () => http.get('/cases', CasePage, { queue: kind, page: 1, pageSize: 10 }),
  });
  const items = queue.data?.items ?? [];
  return (
    <Stack gap="xs" data-testid="work-queue">
      <Title order={2} size="h4">
        {t(`home.queue.${kind}`)} {queue.data ? `(${queue.data.total})` : ''}
      </Title>
      <ErrorAlert error={queue.error} />
      {queue.data && items.length === 0 && <Text c="dimmed">{t('home.queue.empty')}</Text>}
      {items.map((c: CaseSummary) => (
        <Paper key={c.id} component={Link} href={`/cases/${c.id}`} withBorder p="sm" className="row-link" data-testid="queue-row">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Text fw={600}>{c.reference}</Text>
              <Text size="sm">
                <UserText>{c.personName ?? c.personPseudonym}</UserText>
              </Text>
            </Stack>
            {c.deadline && c.identificationDue && <DeadlineBadge deadline={c.deadline} due={c.identificationDue} />}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
