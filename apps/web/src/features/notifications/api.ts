import { MarkedRead, NotificationPage, UnreadCount, type MarkNotificationsRead } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

/** The bell polls this small answer: every minute while the tab is visible, and when it regains focus. */
export const UNREAD_POLL_MS = 60_000;
/** The server counts unread notices up to this (notifications.repository.ts UNREAD_CAP). */
export const UNREAD_CAP = 100;

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => http.get('/notifications/unread-count', UnreadCount),
    refetchInterval: UNREAD_POLL_MS,
    // A hidden tab does not poll (a rural phone's battery and data); focus refreshes it at once.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

export function useNotifications(page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: ['notifications', 'list', page, pageSize],
    queryFn: () => http.get('/notifications', NotificationPage, { page, pageSize }),
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkNotificationsRead) => http.post('/notifications/read', MarkedRead, body),
    onSuccess: (r) => {
      qc.setQueryData(['notifications', 'unread'], { unread: r.unread });
      void qc.invalidateQueries({ queryKey: ['notifications', 'list'] });
    },
  });
}

export const unreadLabel = (n: number) => (n >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(n));
