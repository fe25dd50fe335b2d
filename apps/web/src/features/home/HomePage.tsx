import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Permission } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DeniedAttemptsPanel } from '../audit/DeniedAttemptsPanel.tsx';
import { useCan, useCurrentUser } from '../auth/current-user.tsx';
import { LinkageRunPanel } from '../linkage/LinkageRunPanel.tsx';
import { GrantsPanel } from '../users/GrantsPanel.tsx';
import { PersonCount } from '../linkage/PersonCount.tsx';
import { CaseOverview } from './CaseOverview.tsx';
import { WorkQueue } from './WorkQueue.tsx';
import { isolate, UserText } from '../../components/UserText.tsx';
import { SignInNotice } from './SignInNotice.tsx';

type ActionKey =
  | 'home.actions.screen'
  | 'home.actions.recordPerson'
  | 'home.actions.findPerson'
  | 'home.actions.cases'
  | 'home.actions.reviewLinks'
  | 'home.actions.audit'
  | 'home.actions.users'
  | 'home.actions.agencies'
  | 'home.actions.account';

interface HomeAction {
  href: string;
  label: ActionKey;
  permission?: Permission;
  primary?: boolean;
  testId?: string;
}

const ACTIONS: HomeAction[] = [
  { href: '/screenings/new', label: 'home.actions.screen', permission: 'case.create', primary: true, testId: 'new-screening' },
  { href: '/persons/new', label: 'home.actions.recordPerson', permission: 'person.create', primary: true },
  { href: '/persons', label: 'home.actions.findPerson', permission: 'person.read' },
  { href: '/cases', label: 'home.actions.cases', permission: 'case.read' },
  { href: '/linkage/reviews', label: 'home.actions.reviewLinks', permission: 'linkage.review', testId: 'review-links' },
  { href: '/admin/users', label: 'home.actions.users', permission: 'user.manage' },
  { href: '/admin/agencies', label: 'home.actions.agencies', permission: 'agency.manage' },
  { href: '/audit', label: 'home.actions.audit', permission: 'audit.read' },
  { href: '/account', label: 'home.actions.account' },
];

export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = useCan();
  const actions = ACTIONS.filter((a) => !a.permission || can(a.permission));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('home.welcome', { name: isolate(me.displayName) })}</Title>
        <Text c="dimmed">
          {t(`roles.${me.role}`)} · <UserText>{me.agency.name}</UserText>
        </Text>
      </Stack>
      <SignInNotice />
      <Paper withBorder p="md">
        <Text>{t(`home.intro.${me.role}`)}</Text>
      </Paper>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('home.mainActions')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          {actions.map((a) => (
            <Button key={a.href} component={Link} href={a.href} variant={a.primary ? 'filled' : 'light'} size="md" data-testid={a.testId}>
              {t(a.label)}
            </Button>
          ))}
        </SimpleGrid>
      </Stack>
      {me.role === 'identification_officer' && <WorkQueue kind="identification" />}
      {me.role === 'prosecutor' && <WorkQueue kind="non_punishment" />}
      {can('linkage.run') && <PersonCount />}
      {me.role === 'national_coordinator' && can('grant.approve') && <GrantsPanel showRecent />}
      {me.role === 'national_coordinator' && can('case.read') && <CaseOverview />}
      {can('linkage.run') && <LinkageRunPanel />}
      {me.role === 'national_coordinator' && can('audit.read') && <DeniedAttemptsPanel />}
    </Stack>
  );
}
