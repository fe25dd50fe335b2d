import { Anchor, AppShell, Burger, Divider, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';
import { agencyName } from '../components/format.ts';
import { Link, useLocation } from 'wouter';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { useCurrentUser } from '../features/auth/current-user.tsx';
import { currentNavHref, navTestId, visibleNavItems } from './nav-items.ts';
import { SignOutButton } from './SignOutButton.tsx';
import { UserText } from '../components/UserText.tsx';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const me = useCurrentUser();
  const [location] = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = visibleNavItems(me);
  const current = currentNavHref(items, location);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} href="/" fw={700} fz="lg" underline="never">
              {t('app.title')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation">
        <AppShell.Section grow component="nav" aria-label={t('nav.label')}>
          {items.map((item) => (
            <NavLink
              key={item.href}
              component={Link}
              href={item.href}
              label={t(item.label)}
              data-testid={navTestId(item)}
              active={item.href === current}
              aria-current={item.href === current ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Divider my="sm" />
          <Stack gap="xs">
            <div>
              <Text size="sm" fw={500}>
                <UserText>{me.displayName}</UserText>
              </Text>
              <Text size="xs" c="dimmed">
                {t(`roles.${me.role}`)} · <UserText>{agencyName(me.agency.name, lng)}</UserText>
              </Text>
            </div>
            <SignOutButton fullWidth />
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
