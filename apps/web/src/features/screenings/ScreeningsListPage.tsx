import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Screening } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { agencyName, formatDate } from '../../components/format.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZE, useScreenings } from './api.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { isolate } from '../../components/UserText.tsx';

function ScreeningRow({ s }: { s: Screening }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Paper component={Link} href={`/screenings/${s.id}`} data-testid="screening-row" withBorder p="sm" className="row-link">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{s.reference}</Text>
          <Text size="sm">
            {[formatDate(s.encounterDate, lng), t(`setting.${s.setting}`), t(s.anonymous ? 'screening.result.anonymous' : 'screening.result.named')].join(
              ' · ',
            )}
          </Text>
        </div>
        <LevelBadge level={s.result.level} />
      </Group>
      {s.handover && (
        <Text size="sm" c="dimmed">
          {t('screening.list.handedOver', { agency: isolate(agencyName(s.handover.toAgencyName, lng)), date: formatDate(s.handover.at, lng) })}
        </Text>
      )}
    </Paper>
  );
}

export function ScreeningsListPage() {
  const { t } = useTranslation();
  const { page, update } = useListParams();
  const list = useScreenings(page);
  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1}>{t('screening.list.title')}</Title>
        <Button component={Link} href="/screenings/new" data-testid="new-screening" size="md">
          {t('screening.list.new')}
        </Button>
      </Group>
      <PagedList query={list} page={page} pageSize={PAGE_SIZE} onPage={(p) => update({ page: p })} empty={t('screening.list.empty')}>
        {(s) => <ScreeningRow s={s} />}
      </PagedList>
    </Stack>
  );
}
