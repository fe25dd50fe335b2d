import { Badge, type BadgeProps } from '@mantine/core';
import type { CaseStatus, ScreeningLevel, TraffickingStatus } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';

/**
 * One colour and one label per status, on every page (issue #9: "identified" was green on the
 * person page and red on the case page). A decision that the person is a victim is good news
 * for her protection (green), a pending question is open (blue) or waits (orange), a closed or
 * negative one is grey. A screening level is urgency, not a decision: red means refer now.
 */
export const STATUS_STYLE = {
  case: {
    open: 'blue',
    referred: 'violet',
    identified: 'green',
    not_identified: 'gray',
    closed: 'gray',
  } satisfies Record<CaseStatus, string>,
  trafficking: {
    PossibleVictimOfTrafficking: 'orange',
    ActualVictimOfTrafficking: 'green',
    NotAVictimOfTrafficking: 'gray',
  } satisfies Record<TraffickingStatus, string>,
  level: {
    none: 'gray',
    refer: 'orange',
    meets_rule: 'red',
  } satisfies Record<ScreeningLevel, string>,
  /** The identification deadline (5 working days from referral). */
  deadline: {
    ok: 'green',
    due_soon: 'orange',
    overdue: 'red',
  },
} as const;

export type StatusKind = keyof typeof STATUS_STYLE;

export function statusColor(kind: StatusKind, value: string): string {
  return (STATUS_STYLE[kind] as Record<string, string>)[value] ?? 'gray';
}

interface StatusBadgeProps {
  status: string;
  /** Which status: a case's, a trafficking status (HTCDS), or a screening's level. */
  kind?: Exclude<StatusKind, 'deadline'>;
  size?: BadgeProps['size'];
  testId?: string;
}

/** Long labels (Kazakh, Russian) wrap inside the badge instead of being cut off; never shouted in capitals. */
const WRAPPING = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', textTransform: 'none' },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

export function StatusBadge({ status, kind = 'case', size, testId }: StatusBadgeProps) {
  const { t } = useTranslation();
  const label =
    kind === 'case'
      ? t(`caseStatus.${status}`, { defaultValue: status })
      : kind === 'trafficking'
        ? t(`traffickingStatus.${status}`, { defaultValue: status })
        : t(`screeningLevel.${status}`, { defaultValue: status });
  return (
    <Badge
      color={statusColor(kind, status)}
      variant="light"
      size={size}
      styles={WRAPPING}
      // May shrink to its longest word (the label wraps): beside a reference on a 390 px phone it must not push the row wider.
      style={{ flexShrink: 1, minWidth: 'min-content', maxWidth: '100%' }}
      data-testid={testId ?? `${kind}-status`}
      data-status={status}
    >
      {label}
    </Badge>
  );
}

/** Where the identification deadline stands, in words and colour: "Due soon: 12.12.2026". */
export function DeadlineBadge({ deadline, due, size }: { deadline: 'ok' | 'due_soon' | 'overdue'; due: string; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Badge
      color={statusColor('deadline', deadline)}
      variant="light"
      size={size}
      styles={WRAPPING}
      style={{ maxWidth: '100%' }}
      data-testid="deadline-badge"
      data-deadline={deadline}
    >
      {t(`home.queue.deadline.${deadline}`, { date: formatDate(due, lng) })}
    </Badge>
  );
}
