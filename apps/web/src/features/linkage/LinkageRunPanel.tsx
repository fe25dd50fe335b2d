import { Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { CLUSTER_SIZE_BUCKETS, type LinkageRun } from '@qorgau/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useLinkageRun, useStartLinkageRun } from './api.ts';

/** How many persons a finished run found recorded once, twice, …: a large cluster is a chain to look into. */
function ClusterSizes({ sizes, refused }: { sizes: NonNullable<LinkageRun['clusterSizes']>; refused: number }) {
  const { t } = useTranslation();
  const linked = CLUSTER_SIZE_BUCKETS.filter((b) => b !== '1');
  return (
    <Stack gap={4} data-testid="linkage-run-clusters">
      <Text size="sm">{t('linkage.run.clusters', { largest: sizes.largest })}</Text>
      {/* One chip per bucket: as loose text the figures ran into each other and, on a phone,
          wrapped mid-list; chips wrap whole. The buckets that hold persons stand out. */}
      <Group gap={6}>
        {linked.map((b) => {
          const n = sizes.counts[b] ?? 0;
          return (
            <Badge key={b} size="md" tt="none" fw={500} variant={n > 0 ? 'light' : 'outline'} color={n > 0 ? 'blue' : 'gray'}>
              {t('linkage.run.clusterBucket', { size: b, n })}
            </Badge>
          );
        })}
      </Group>
      {refused > 0 && (
        <Text size="sm" c="orange" data-testid="linkage-run-refused">
          {t('linkage.run.refused', { n: refused })}
        </Text>
      )}
    </Stack>
  );
}

/** Start the bulk linkage job and follow its progress (counts only). */
export function LinkageRunPanel() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const state = useLinkageRun();
  const start = useStartLinkageRun();
  const run = state.data?.run ?? null;
  const running = run?.status === 'running';
  const qc = useQueryClient();
  // When a run finishes, the person count it changed is fetched again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new finishedAt is a new finished run, to be refetched too
  useEffect(() => {
    if (run?.status === 'done') void qc.invalidateQueries({ queryKey: ['persons', 'overview'] });
  }, [run?.status, run?.finishedAt, qc]);
  const percent = run && run.total > 0 ? Math.min(100, Math.round((run.processed / run.total) * 100)) : 0;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('linkage.run.title')}
      </Title>
      <ErrorAlert error={state.error ?? start.error} />
      <Paper withBorder p="sm" data-testid="linkage-run">
        <Stack gap="xs">
          {run ? (
            <>
              <Text size="sm" data-testid="linkage-run-status">
                {t(`linkage.run.status.${run.status}`)} · {t(`linkage.run.phase.${run.phase}`)}
                {run.finishedAt ? ` · ${formatDateTime(run.finishedAt, lng)}` : ''}
              </Text>
              {running && <Progress value={percent} aria-label={t('linkage.run.progress')} />}
              <Text size="sm" c="dimmed">
                {t('linkage.run.figures', { processed: run.processed, total: run.total, pairs: run.pairsScored, proposals: run.proposals })}
              </Text>
              {run.clusterSizes && <ClusterSizes sizes={run.clusterSizes} refused={run.refusedMerges} />}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('linkage.run.never')}
            </Text>
          )}
          <Group>
            {/* The Kazakh label is wider than a 390 px screen: it wraps instead of being cut. */}
            <Button
              size="sm"
              h="auto"
              mih={36}
              py={6}
              styles={{ label: { whiteSpace: 'normal', lineHeight: 1.35 } }}
              onClick={() => start.mutate()}
              loading={start.isPending}
              disabled={running}
              data-testid="linkage-run-start"
            >
              {t('linkage.run.start')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
