import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SelfReport } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate, regionName } from '../../components/format.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZE, useSelfReports } from './api.ts';
import { UserText } from '../../components/UserText.tsx';

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
            {[
              formatDate(r.createdAt, lng),
              t(`selfReports.reporter.${r.reporter}`),
              r.regionCode ? regionName(r.regionCode, lng) : t('selfReports.noRegion'),
            ].join(' · ')}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={2}>
            <UserText>{r.whatHappened}</UserText>
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
      <PagedList query={list} page={page} pageSize={PAGE_SIZE} onPage={(p) => update({ page: p })} empty={t('selfReports.empty')}>
        {(r) => <Row r={r} />}
      </PagedList>
    </Stack>
  );
}
