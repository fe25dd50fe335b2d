import { Paper, SimpleGrid, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { CASE_STATUSES, CaseOverview as CaseOverviewSchema, type CaseStatus } from '@qorgau/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { http } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { StatusBadge } from '../cases/StatusBadge.tsx';

/** Number of cases in each status in the user's scope (an aggregate: no personal data). */
export function CaseOverview() {
  const { t } = useTranslation();
  const overview = useQuery({ queryKey: ['cases', 'overview'], queryFn: () => http.get('/cases/overview', CaseOverviewSchema), staleTime: 60_000 });
  const error = overview.error;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('home.overview.title')}
      </Title>
      <ErrorAlert error={error} />
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
        {CASE_STATUSES.map((status: CaseStatus) => {
          const count = overview.data?.byStatus[status];
          return (
            <UnstyledButton key={status} component={Link} href={`/cases?status=${status}`}>
              <Paper withBorder p="sm">
                {/* The status in the colour and words it has on every page. */}
                <StatusBadge status={status} size="sm" testId="overview-status" />
                {count !== undefined ? (
                  <Text fz="xl" fw={700}>
                    {count}
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
