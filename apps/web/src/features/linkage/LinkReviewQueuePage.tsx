import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { LinkProposal } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate } from '../../components/format.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZE, useLinkProposals } from './api.ts';
import { ModelDecisionBadge } from './ModelDecisionBadge.tsx';
import { UserText } from '../../components/UserText.tsx';

function Row({ p }: { p: LinkProposal }) {
  const lng = useLanguage();
  return (
    <Paper component={Link} href={`/linkage/reviews/${p.id}`} data-testid="link-proposal-row" withBorder p="sm" className="row-link">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>
            <UserText>{p.a.displayName ?? p.a.pseudonym}</UserText>
          </Text>
          <Text fw={600}>
            <UserText>{p.b.displayName ?? p.b.pseudonym}</UserText>
          </Text>
          <Text size="sm" c="dimmed">
            {formatDate(p.createdAt, lng)}
          </Text>
        </Stack>
        <ModelDecisionBadge decision={p.modelDecision} probability={p.probability} reviewReason={p.reviewReason} />
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
      <PagedList query={list} page={page} pageSize={PAGE_SIZE} onPage={(n) => update({ page: n })} empty={t('linkage.queue.empty')}>
        {(p) => <Row p={p} />}
      </PagedList>
    </Stack>
  );
}
