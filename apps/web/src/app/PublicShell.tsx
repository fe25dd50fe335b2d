import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { SignOutButton } from './SignOutButton.tsx';

/** Frame for the pages before a full session: sign-in, enrolment, forced password change. */
export function PublicShell({ children, signedIn = false }: { children: ReactNode; signedIn?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} fz="lg">
            {t('app.title')}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            {signedIn && <SignOutButton />}
          </Group>
        </Group>
      </Box>
      <Container component="main" id="main" size="sm" py="md">
        {children}
        <Text size="xs" c="dimmed" ta="center" mt="xl">
          {t('app.tagline')}
        </Text>
      </Container>
    </Box>
  );
}
