import { Box, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { agencyName } from '../../components/format.ts';
import { Link } from 'wouter';
import { DeniedAttemptsPanel } from '../audit/DeniedAttemptsPanel.tsx';
import { useCan, useCurrentUser } from '../auth/current-user.tsx';
import { LinkageRunPanel } from '../linkage/LinkageRunPanel.tsx';
import { GrantsPanel } from '../users/GrantsPanel.tsx';
import { PersonCount } from '../linkage/PersonCount.tsx';
import { CaseOverview } from './CaseOverview.tsx';
import { homeLinks } from './home-links.ts';
import { WorkQueues } from './WorkQueues.tsx';
import { isolate, UserText } from '../../components/UserText.tsx';
import { SignInNotice } from './SignInNotice.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const me = useCurrentUser();
  const can = useCan();
  // The same pages as the navigation (nav-items.ts), so the two never drift apart.
  const links = homeLinks(me);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('home.welcome', { name: isolate(me.displayName) })}</Title>
        <Text c="dimmed">
          {t(`roles.${me.role}`)} · <UserText>{agencyName(me.agency.name, lng)}</UserText>
        </Text>
      </Stack>
      <SignInNotice />
      {/* Work first (issue #10 item 5): what waits for her, most urgent first; the pages follow. */}
      <WorkQueues />
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('home.mainActions')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          {links.map((a) => (
            <Button
              key={a.href}
              component={Link}
              href={a.href}
              variant={a.primary ? 'filled' : 'light'}
              size="md"
              data-testid={a.testId}
              data-home-link={a.href}
              styles={{
                root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 8 },
                label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 },
              }}
            >
              {t(a.label)}
            </Button>
          ))}
        </SimpleGrid>
      </Stack>
      <Paper withBorder p="md">
        <Text data-testid="home-intro">{t(`home.intro.${me.role}`)}</Text>
      </Paper>
      {can('linkage.run') && <PersonCount />}
      {me.role === 'national_coordinator' && can('grant.approve') && (
        // The grants queue's rows link here (#grants): the coordinator decides on the home page.
        <Box id="grants">
          <GrantsPanel showRecent />
        </Box>
      )}
      {me.role === 'national_coordinator' && can('case.read') && <CaseOverview />}
      {can('linkage.run') && <LinkageRunPanel />}
      {me.role === 'national_coordinator' && can('audit.read') && <DeniedAttemptsPanel />}
    </Stack>
  );
}
