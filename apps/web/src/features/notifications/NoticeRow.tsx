import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { NotificationItem } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { noticeSentence } from './notice-text.ts';

/** One notice: its sentence (a link to its subject), when, and "mark read" while unread. */
export function NoticeRow({ n, onRead, onOpen, compact }: { n: NotificationItem; onRead: (id: string) => void; onOpen?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const unread = n.readAt === null;
  const sentence = noticeSentence(t, n, lng);
  return (
    <Paper
      withBorder={!compact}
      p={compact ? 4 : 'sm'}
      data-testid="notice"
      data-unread={unread ? 'true' : 'false'}
      bg={unread ? 'var(--mantine-color-blue-light)' : undefined}
    >
      <Stack gap={2}>
        {n.href ? (
          <Text
            component={Link}
            href={n.href}
            fw={unread ? 600 : 400}
            size="sm"
            c="inherit"
            td="underline"
            onClick={() => {
              if (unread) onRead(n.id);
              onOpen?.();
            }}
          >
            {sentence}
          </Text>
        ) : (
          <Text fw={unread ? 600 : 400} size="sm">
            {sentence}
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {formatDateTime(n.createdAt, lng)}
          </Text>
          {unread && (
            <Button size="compact-xs" variant="subtle" onClick={() => onRead(n.id)} data-testid="notice-read">
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
