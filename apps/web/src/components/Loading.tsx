import { Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  const content = (
    <Group gap="sm" role="status" aria-live="polite">
      <Loader size="sm" />
      <Text size="sm">{t('common.loading')}</Text>
    </Group>
  );
  return fullPage ? <Center h="100vh">{content}</Center> : <Center py="xl">{content}</Center>;
}
