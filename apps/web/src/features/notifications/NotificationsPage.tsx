import { Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { useMarkRead, useNotifications, useUnreadCount } from './api.ts';
import { NoticeRow } from './NoticeRow.tsx';

const PAGE_SIZE = 20;

/** Every notice of the signed-in user, newest first (issue #10 item 5). */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useNotifications(page, PAGE_SIZE);
  const unread = useUnreadCount().data?.unread ?? 0;
  const mark = useMarkRead();
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('notifications.title')}</Title>
        {unread > 0 && (
          <Button variant="light" onClick={() => mark.mutate({ all: true })} data-testid="notices-read-all">
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={mark.error} />
      <PagedList query={list} page={page} pageSize={PAGE_SIZE} onPage={setPage} empty={t('notifications.empty')}>
        {(n) => <NoticeRow n={n} onRead={(id) => mark.mutate({ ids: [id] })} />}
      </PagedList>
    </Stack>
  );
}
