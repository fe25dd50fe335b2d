import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { LinkProposal } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZE, useLinkProposals } from './api.ts';

export function ModelDecisionBadge({ decision, probability }: { decision: LinkProposal['modelDecision']; probability: number }) {
  const { t } = useTranslation();
  return (
    <Badge color={decision === 'same' ? 'teal' : 'yellow'} variant="light" data-testid="link-model-decision">
      {t(`linkage.modelDecision.${decision}`)} · {Math.round(probability * 100)}%
    </Badge>
  );
}

function Row({ p }: { p: LinkProposal }) {
  const lng = useLanguage();
  return (
    <Paper component={Link} href={`/linkage/reviews/${p.id}`} data-testid="link-proposal-row" withBorder p="sm" className="row-link">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>{p.a.displayName ?? p.a.pseudonym}</Text>
          <Text fw={600}>{p.b.displayName ?? p.b.pseudonym}</Text>
          <Text size="sm" c="dimmed">
            {formatDate(p.createdAt, lng)}
          </Text>
        </Stack>
        <ModelDecisionBadge decision={p.modelDecision} probability={p.probability} />
      </Group>
    </Paper>
  );
}

/** Pairs of records the engine proposes as one person, both in the officer's scope; uncertain ones first. */
export function LinkReviewQueuePage() {
  const { t } = useTranslation();
  const { page, update } = useListParams();
  const list = useLinkProposals(page);
  return (
    <Stack>
      <Title order={1}>{t('linkage.queue.title')}</Title>
      <Text c="dimmed">{t('linkage.queue.intro')}</Text>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending && <Loading />}
      {list.data && (
        <>
          {list.data.items.length === 0 ? (
            <Text c="dimmed">{t('linkage.queue.empty')}</Text>
          ) : (
            <Stack gap="xs" aria-busy={list.isFetching}>
              {list.data.items.map((p) => (
                <Row key={p.id} p={p} />
              ))}
            </Stack>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(n) => update({ page: n })} />
        </>
      )}
    </Stack>
  );
}
