import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { YearStatistics } from '@qorgau/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatCount } from './labels.ts';
import { OpenRecordsButton } from './RecordsPanel.tsx';

/** A long label wraps inside the button instead of running out of its card. */

type Row = [label: string, value: number, testId?: string];

function FigureCard({ title, rows, children }: { title: string; rows: Row[]; children?: ReactNode }) {
  const lng = useLanguage();
  return (
    <Paper withBorder p="md" className="statistics-card">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Stack gap={4}>
        {rows.map(([label, value, testId]) => (
          <Group key={label} justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
            <Text size="sm">{label}</Text>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
              {formatCount(value, lng)}
            </Text>
          </Group>
        ))}
      </Stack>
      {children}
    </Paper>
  );
}

/**
 * The year's headline figures. Identified victims are unique persons; anonymous notifications
 * and self-reports are shown in a card of their own and never added to them (a notification is
 * not a person: the same woman may be behind several, or none).
 */
export function Headline({ data, onRecords }: { data: YearStatistics; onRecords?: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const v = data.victims;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} className="statistics-headline">
      <Paper withBorder p="md" className="statistics-card">
        <Text size="sm">{t('statistics.headline.victims')}</Text>
        <Text fz={36} fw={700} lh={1.1} data-testid="statistics-victims">
          {formatCount(v.total, lng)}
        </Text>
        {data.previous ? (
          <Group gap={6} wrap="wrap" mt={4}>
            <Text size="sm" c="dimmed" data-testid="statistics-previous">
              {t('statistics.headline.compared', { n: data.previous.victims, year: data.previous.year })}
            </Text>
            {data.previous.source === 'official' && (
              <Badge variant="light" color="gray" size="sm" data-testid="statistics-previous-official">
                {t('statistics.officialFigure')}
              </Badge>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('statistics.headline.noPrevious')}
          </Text>
        )}
        {onRecords && v.total > 0 && <OpenRecordsButton onClick={onRecords} testId="statistics-victims-records" />}
      </Paper>
      <FigureCard
        title={t('statistics.headline.care')}
        rows={[
          [t('statistics.headline.referred'), v.referred, 'statistics-referred'],
          [t('statistics.headline.participated'), v.participated, 'statistics-participated'],
          [t('statistics.headline.personsServed'), data.care.personsServed],
          [t('statistics.headline.personsSheltered'), data.care.personsSheltered],
        ]}
      />
      <FigureCard
        title={t('statistics.headline.apart')}
        rows={[
          [t('statistics.headline.anonymousScreenings'), data.notifications.anonymousScreenings, 'statistics-anonymous'],
          [t('statistics.headline.selfReports'), data.notifications.selfReports, 'statistics-self-reports'],
          [t('statistics.headline.screenings'), data.screenings.total],
          [t('statistics.headline.screeningsPositive'), data.screenings.positive],
        ]}
      >
        <Text size="xs" c="dimmed" mt="xs">
          {t('statistics.headline.apartNote')}
        </Text>
      </FigureCard>
      <FigureCard
        title={t('statistics.headline.justice')}
        rows={[
          [t('justice.figures.registered'), data.justice.investigations.registered],
          [t('justice.figures.prosecuted'), data.justice.prosecutions.cases],
          [t('justice.figures.convicted'), data.justice.outcomes.convicted],
        ]}
      />
    </SimpleGrid>
  );
}
