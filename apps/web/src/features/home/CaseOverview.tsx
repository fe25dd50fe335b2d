import { Paper, SimpleGrid, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { CASE_STATUSES, CasePage, type CaseStatus } from '@qorgau/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { http } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Number of cases in each status, from the list endpoint's totals (one row fetched each). */
export function CaseOverview() {
  const { t } = useTranslation();
  const results = useQueries({
    queries: CASE_STATUSES.map((status) => ({
      queryKey: ['cases', 'count', status],
      queryFn: () => http.get('/cases', CasePage, { status, page: 1, pageSize: 1 }),
      staleTime: 60_000,
    })),
  });
  const error = results.find((r) => r.error)?.error;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('home.overview.title')}
      </Title>
      <ErrorAlert error={error} />
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
        {CASE_STATUSES.map((status: CaseStatus, i) => {
          const r = results[i];
          return (
            <UnstyledButton key={status} component={Link} href={`/cases?status=${status}`}>
              <Paper withBorder p="sm">
                <Text size="sm" c="dimmed">
                  {t(`caseStatus.${status}`)}
                </Text>
                {r?.data ? (
                  <Text fz="xl" fw={700}>
                    {r.data.total}
                  </Text>
                ) : (
                  <Skeleton height={28} mt={4} />
                )}
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
