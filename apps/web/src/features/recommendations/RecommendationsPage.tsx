import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { indicatorTrend, RECOMMENDATION_STATUSES, type Recommendation, type RecommendationStatus } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { formatDateTime, kazakhstanToday } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { useRecommendations, useSetRecommendationStatus } from './api.ts';
import { StatisticsTabs } from '../statistics/StatisticsTabs.tsx';
import '../statistics/statistics.css';

const FIRST_YEAR = 2015;
const STATUS_COLOR: Record<RecommendationStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  partly_met: 'yellow',
  met: 'green',
  not_applicable: 'dark',
};
const TREND = { up: '▲', down: '▼', same: '=' } as const;

function StatusSetter({ item, year, onSaved }: { item: Recommendation; year: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSetRecommendationStatus(item.id);
  const [status, setStatus] = useState<RecommendationStatus>(item.status?.status ?? 'not_started');
  const [note, setNote] = useState(item.status?.note ?? '');
  const errors = fieldErrors(save.error);
  return (
    <form
      data-testid={`status-form-${item.code}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ year, status, note: note.trim() || null }, { onSuccess: onSaved });
      }}
    >
      <Stack gap="xs">
        <NativeSelect
          label={t('recommendations.setStatus', { year })}
          data-testid={`status-select-${item.code}`}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as RecommendationStatus)}
          data={RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`recommendations.status.${s}`) }))}
          error={errors.status ?? errors.year}
        />
        <Textarea
          label={t('recommendations.note')}
          autosize
          minRows={1}
          maxRows={4}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <Group>
          <Button type="submit" size="sm" loading={save.isPending} data-testid={`status-save-${item.code}`}>
            {t('recommendations.save')}
          </Button>
        </Group>
        {save.error && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
      </Stack>
    </form>
  );
}

function RecommendationCard({ item, year, canSet }: { item: Recommendation; year: number; canSet: boolean }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const trend = indicatorTrend(item.value, item.previousValue);
  const owner = item.ownerAgency?.name[lng] ?? item.responsible?.[lng] ?? t('recommendations.noOwner');
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md" data-testid={`recommendation-${item.code}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Badge variant="outline">{item.code}</Badge>
            <Badge
              variant="light"
              color="grape"
              tt="none"
              h="auto"
              py={2}
              styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } }}
            >
              {t(`recommendations.source.${item.source}`)}
            </Badge>
          </Group>
          <Badge
            color={item.status ? STATUS_COLOR[item.status.status] : 'gray'}
            variant={item.status ? 'filled' : 'outline'}
            data-testid={`status-${item.code}`}
          >
            {item.status ? t(`recommendations.status.${item.status.status}`) : t('recommendations.noStatus')}
          </Badge>
        </Group>
        <Text>{item.text[lng]}</Text>
        <Text size="sm" c="dimmed">
          {t('recommendations.owner')}: {owner}
        </Text>
        {item.indicator && (
          <Group gap="xs" wrap="wrap" data-testid={`indicator-${item.code}`}>
            <Text size="sm">{t(`recommendations.indicator.${item.indicator}`)}:</Text>
            <Text size="sm" fw={700}>
              {t('recommendations.thisYear', { year, n: item.value ?? 0 })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('recommendations.lastYear', { year: year - 1, n: item.previousValue ?? 0 })}
            </Text>
            {trend && <Text size="sm">{TREND[trend]}</Text>}
          </Group>
        )}
        {item.status?.note && (
          <Text size="sm" fs="italic">
            {item.status.note}
          </Text>
        )}
        {item.status && (
          <Text size="xs" c="dimmed">
            {t('recommendations.setAt', { at: formatDateTime(item.status.setAt, lng) })}
          </Text>
        )}
        {canSet &&
          (editing ? (
            <StatusSetter key={`${item.id}-${year}-${item.status?.setAt ?? ''}`} item={item} year={year} onSaved={() => setEditing(false)} />
          ) : (
            <Group>
              <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid={`status-edit-${item.code}`}>
                {t('recommendations.changeStatus')}
              </Button>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}

/**
 * The recommendations tracker (issue #13 item 5): the TIP 2023 prioritized recommendations and
 * national action plan items, each with its owner, the indicator the register can count for it
 * (this year against last) and its status for the year.
 */
export function RecommendationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { get, update } = useListParams();
  const thisYear = Number(kazakhstanToday().slice(0, 4));
  const year = Number(get('year')) || thisYear;
  const source = get('source') || 'all';
  const q = useRecommendations(year);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const items = (q.data?.items ?? []).filter((i) => source === 'all' || i.source === source);
  return (
    <Stack>
      <StatisticsTabs />
      <Title order={1}>{t('recommendations.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('recommendations.intro')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('recommendations.year')}
          value={String(year)}
          onChange={(e) => update({ year: e.currentTarget.value })}
          data={years}
          maw={200}
          data-testid="recommendations-year"
        />
        <NativeSelect
          label={t('recommendations.sourceFilter')}
          value={source}
          onChange={(e) => update({ source: e.currentTarget.value === 'all' ? '' : e.currentTarget.value })}
          data={[
            { value: 'all', label: t('recommendations.all') },
            { value: 'tip_2023', label: t('recommendations.source.tip_2023') },
            { value: 'action_plan', label: t('recommendations.source.action_plan') },
          ]}
        />
      </Group>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <Alert>{t('recommendations.none')}</Alert>
      ) : (
        <Stack gap="sm">
          {items.map((item) => (
            <RecommendationCard key={item.id} item={item} year={year} canSet={can('recommendation.manage')} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
