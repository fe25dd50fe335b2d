import type { NotificationItem } from '@qorgau/core';
import type { NotificationRow } from './notifications.repository.ts';

/**
 * Where a notice's subject opens in the web app (the reader opens it within her own scope:
 * a notice grants nothing). A feature whose subject has a page adds its route here.
 */
export const SUBJECT_ROUTES: Record<string, (id: string) => string> = {
  referral: (id) => `/referrals/${id}`,
  case: (id) => `/cases/${id}`,
  protection_case: (id) => `/protection/${id}`,
  person: (id) => `/persons/${id}`,
  self_report: (id) => `/self-reports/${id}`,
};

export function notificationView(r: NotificationRow): NotificationItem {
  return {
    id: r.id,
    kind: r.kind,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    facts: r.facts,
    href: SUBJECT_ROUTES[r.subjectType]?.(r.subjectId) ?? null,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}
