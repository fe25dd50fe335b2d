import { Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePersonOverview } from './api.ts';

/** Persons counted once: records linked as one person count as one (an aggregate, no names). */
export function PersonCount() {
  const { t } = useTranslation();
  const overview = usePersonOverview();
  const figure = (label: string, value: number | undefined, testId: string) => (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {value !== undefined ? (
        <Text fz="xl" fw={700} data-testid={testId}>
          {value}
        </Text>
      ) : (
        <Skeleton height={28} mt={4} />
      )}
    </Paper>
  );
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('linkage.count.title')}
      </Title>
      <ErrorAlert error={overview.error} />
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {figure(t('linkage.count.persons'), overview.data?.persons, 'count-persons')}
        {figure(t('linkage.count.records'), overview.data?.records, 'count-records')}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('linkage.count.help')}
      </Text>
    </Stack>
  );
}
