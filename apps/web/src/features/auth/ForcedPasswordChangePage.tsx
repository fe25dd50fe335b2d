import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** After an administrator's reset the temporary password must be replaced first. */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation();
  return (
    <Paper withBorder shadow="sm" p="lg" radius="md" maw={480} mx="auto" mt="xl">
      <Stack>
        <Title order={1} size="h2">
          {t('password.forcedTitle')}
        </Title>
        <Text size="sm">{t('password.forcedIntro')}</Text>
        <ChangePasswordForm />
      </Stack>
    </Paper>
  );
}
