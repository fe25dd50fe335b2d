import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDateTime, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { formatTenge, useProtectionCase } from './api.ts';
import { ClosureSection } from './ClosureSection.tsx';
import { NeedsSection } from './NeedsSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import { Fact, ProtectionStatusBadge } from './protection-bits.tsx';
import { ServicesSection } from './ServicesSection.tsx';
import { StaysSection } from './StaysSection.tsx';

/**
 * The protection case (issue #10 item 3): needs, plan, services with their cost, shelter stays,
 * closure and follow-up. Each form shows only when the server's `allowedActions` allows it.
 */
export function ProtectionCasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const q = useProtectionCase(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const pc = q.data;
  const person = <UserText>{pc.personName ?? pc.personLabel}</UserText>;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('protection.case')}
          </Text>
          {/* A reference is one word: never broken at its hyphens; a smaller size on a phone. */}
          <Title order={1} data-testid="protection-reference" fz={{ base: 26, sm: 34 }} style={{ whiteSpace: 'nowrap' }}>
            {pc.reference}
          </Title>
        </Stack>
        <ProtectionStatusBadge status={pc.status} />
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          <Fact label={t('protection.fields.person')}>
            {can('person.read') ? (
              <Anchor component={Link} href={`/persons/${pc.personId}`}>
                {person}
              </Anchor>
            ) : (
              <Text>{person}</Text>
            )}
          </Fact>
          <Fact label={t('protection.fields.provider')}>
            <Text>
              <UserText>{agencyName(pc.provider.name, lng)}</UserText>
            </Text>
          </Fact>
          <Fact label={t('protection.fields.region')}>
            <Text>{regionName(pc.regionCode, lng)}</Text>
          </Fact>
          <Fact label={t('protection.fields.nrmCase')}>
            {pc.caseReference && can('case.read') ? (
              <Anchor component={Link} href={`/cases/${pc.caseId}`}>
                {pc.caseReference}
              </Anchor>
            ) : (
              <Text>{pc.caseReference ?? '—'}</Text>
            )}
          </Fact>
          <Fact label={t('protection.fields.openedAt')}>
            <Text>{formatDateTime(pc.openedAt, lng)}</Text>
          </Fact>
          <Fact label={t('protection.fields.totals')}>
            <Text data-testid="protection-totals">
              {t('protection.fields.totalsText', { cost: formatTenge(pc.totalCostTenge, lng), days: pc.totalBedDays })}
            </Text>
          </Fact>
        </SimpleGrid>
      </Paper>
      <NeedsSection pc={pc} />
      <PlanSection pc={pc} />
      <StaysSection pc={pc} />
      <ServicesSection pc={pc} />
      <ClosureSection pc={pc} />
    </Stack>
  );
}
