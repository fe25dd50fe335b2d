import { Alert, Anchor, Badge, Box, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Case } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDateTime, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { useAgencyDirectory, useCase } from './api.ts';
import { CaseActionForm } from './CaseActionForm.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { DeadlineBadge, StatusBadge } from './StatusBadge.tsx';
import { EntitlementsPanel } from '../entitlements/EntitlementsPanel.tsx';
import { UserText } from '../../components/UserText.tsx';
import { ReferPanel } from '../referrals/ReferPanel.tsx';
import { Fact } from '../../components/Fact.tsx';

function ClosedCaseNote({ canReopen }: { canReopen: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" title={t('cases.page.closedTitle')} mb="md" data-testid="case-closed-note">
      {t(canReopen ? 'cases.page.closedReopen' : 'cases.page.closedText')}
    </Alert>
  );
}

function CaseSummaryPanel({ c }: { c: Case }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Fact label={t('cases.fields.person')}>
          {can('person.read') ? (
            <Anchor component={Link} href={`/persons/${c.personId}`}>
              <UserText>{c.personName ?? c.personPseudonym}</UserText>
            </Anchor>
          ) : (
            <Text>
              <UserText>{c.personName ?? c.personPseudonym}</UserText>
            </Text>
          )}
        </Fact>
        <Fact label={t('cases.fields.traffickingStatus')}>
          <StatusBadge kind="trafficking" status={c.traffickingStatus} />
        </Fact>
        {/* The 5-working-day identification clock, while the case waits for it (null otherwise). */}
        {c.deadline && c.identificationDue && (
          <Fact label={t('cases.fields.identificationDeadline')}>
            <DeadlineBadge deadline={c.deadline} due={c.identificationDue} />
          </Fact>
        )}
        <Fact label={t('cases.fields.region')}>
          <Text>{regionName(c.regionCode, lng)}</Text>
        </Fact>
        <Fact label={t('cases.fields.ownerAgency')}>
          <Text>
            <UserText>{agencyName(c.ownerAgencyName, lng)}</UserText>
          </Text>
        </Fact>
        <Fact label={t('cases.fields.openedAt')}>
          <Text>{formatDateTime(c.openedAt, lng)}</Text>
        </Fact>
        <Fact label={t('cases.fields.updatedAt')}>
          <Text>{formatDateTime(c.updatedAt, lng)}</Text>
        </Fact>
      </SimpleGrid>
      <Box mt="md">
        <Fact label={t('cases.fields.exploitationTypes')}>
          <Group gap={6} mt={4}>
            {c.exploitationTypes.length === 0 ? (
              <Text>—</Text>
            ) : (
              c.exploitationTypes.map((e) => (
                <Badge key={e} variant="outline">
                  {t(`exploitation.${e}`)}
                </Badge>
              ))
            )}
          </Group>
        </Fact>
      </Box>
    </Paper>
  );
}

export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCase(id);
  const needsDirectory = !!c.data && (c.data.allowedActions.includes('referred') || c.data.actions.some((a) => a.details.toAgencyId));
  const directory = useAgencyDirectory(needsDirectory);
  if (c.isPending) return <Loading />;
  if (c.isError) return <ErrorAlert error={c.error} onRetry={() => void c.refetch()} />;
  const data = c.data;
  const agencies = directory.data?.items ?? [];
  // Exactly what the server allows this user now (core's rules; a closed case allows only reopening).
  const offered = data.allowedActions;
  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1} data-testid="case-reference">
          {data.reference}
        </Title>
        <StatusBadge status={data.status} />
      </Group>
      <CaseSummaryPanel c={data} />
      <EntitlementsPanel personId={data.personId} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Title order={2} size="h4" mb="sm">
            {t('cases.page.history')}
          </Title>
          <CaseTimeline actions={data.actions} agencies={agencies} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {/* A closed case offers nothing but reopening (to those who may reopen it). */}
          {data.status === 'closed' && <ClosedCaseNote canReopen={data.allowedActions.includes('reopened')} />}
          {/* The server lists only the actions this user may append now. */}
          {offered.length > 0 && (
            <CaseActionForm
              key={data.status}
              caseId={data.id}
              allowed={offered}
              agencies={agencies}
              agenciesLoading={directory.isPending && needsDirectory}
              exploitationTypes={data.exploitationTypes}
            />
          )}
          {directory.error && <ErrorAlert error={directory.error} />}
          {/* Referral to care (issue #10): a record of its own, offered to the holding unit (core CASE_ACTION_RULES.referred). */}
          {data.allowedActions.includes('referred') && <ReferPanel caseId={data.id} personId={data.personId} />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
