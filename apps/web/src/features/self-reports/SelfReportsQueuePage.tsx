import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SelfReport } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZE, useSelfReports } from './api.ts';

export function StatusBadge({ status }: { status: SelfReport['status'] }) {
  const { t } = useTranslation();
  const color = { new: 'red', in_progress: 'orange', screened: 'teal', closed: 'gray' }[status];
  return (
    <Badge color={color} variant="light" data-testid="self-report-status">
      {t(`selfReports.status.${status}`)}
    </Badge>
  );
}

function Row({ r }: { r: SelfReport }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Paper component={Link} href={`/self-reports/${r.id}`} data-testid="self-report-row" withBorder p="sm" className="row-link">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{r.reference}</Text>
          <Text size="sm">
            {[formatDate(r.createdAt, lng), t(`selfReports.reporter.${r.reporter}`), r.regionCode ? regionName(r.regionCode, lng) : t('selfReports.noRegion')].join(' · ')}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {r.whatHappened}
          </Text>
        </div>
        <StatusBadge status={r.status} />
      </Group>
    </Paper>
  );
}

/** The hotline queue: new and in-progress reports, oldest first. */
export function SelfReportsQueuePage() {
  const { t } = useTranslation();
  const { page, update } = useListParams();
  const list = useSelfReports(page);
  return (
    <Stack>
      <Title order={1}>{t('selfReports.title')}</Title>
      <Text c="dimmed">{t('selfReports.intro')}</Text>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending && <Loading />}
      {list.data && (
        <>
          {list.data.items.length === 0 ? (
            <Text c="dimmed">{t('selfReports.empty')}</Text>
          ) : (
            <Stack gap="xs" aria-busy={list.isFetching}>
              {list.data.items.map((r) => (
                <Row key={r.id} r={r} />
              ))}
            </Stack>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => update({ page: p })} />
        </>
      )}
    </Stack>
  );
}
