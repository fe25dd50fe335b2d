import { ActionIcon, Anchor, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { unreadLabel, useMarkRead, useNotifications, useUnreadCount } from './api.ts';
import { NoticeRow } from './NoticeRow.tsx';

function BellIcon() {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M10 5a2 2 0 1 1 4 0a7 7 0 0 1 4 6v3a4 4 0 0 0 2 3h-16a4 4 0 0 0 2 -3v-3a7 7 0 0 1 4 -6" />
      <path d="M9 17v1a3 3 0 0 0 6 0v-1" />
    </svg>
  );
}

/**
 * The bell in the header (issue #10 item 5): the unread count, polled every minute while the
 * tab is visible; the latest notices in a dropdown, loaded only when it opens.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const count = useUnreadCount().data?.unread ?? 0;
  const latest = useNotifications(1, 5, opened);
  const mark = useMarkRead();
  const items = latest.data?.items ?? [];
  return (
    <Indicator label={unreadLabel(count)} size={18} disabled={count === 0} color="red" offset={4} data-testid="bell-count" data-count={count}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width="min(360px, calc(100vw - 16px))" shadow="md" withinPortal>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            color="gray"
            onClick={() => setOpened((o) => !o)}
            aria-label={t('notifications.bell', { count })}
            data-testid="bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown data-testid="bell-dropdown">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap={4}>
              <Text fw={600}>{t('notifications.title')}</Text>
              {count > 0 && (
                <Button size="compact-xs" variant="light" onClick={() => mark.mutate({ all: true })} data-testid="bell-read-all">
                  {t('notifications.markAllRead')}
                </Button>
              )}
            </Group>
            <ErrorAlert error={latest.error ?? mark.error} />
            {latest.data && items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
            <ScrollArea.Autosize mah={360}>
              <Stack gap={6}>
                {items.map((n) => (
                  <NoticeRow key={n.id} n={n} compact onRead={(id) => mark.mutate({ ids: [id] })} onOpen={() => setOpened(false)} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
            <Anchor component={Link} href="/notifications" size="sm" onClick={() => setOpened(false)} data-testid="bell-all">
              {t('notifications.showAll')}
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
