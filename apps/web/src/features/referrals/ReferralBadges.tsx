import { Badge, Group } from '@mantine/core';
import type { ReferralStatus, ReferralSummary } from '@qorgau/core';
import { useTranslation } from 'react-i18next';

const COLOR = {
  sent: 'blue',
  accepted: 'green',
  declined: 'red',
  completed: 'gray',
  withdrawn: 'gray',
  transferred: 'violet',
} as const satisfies Record<ReferralStatus, string>;

/** Long labels (Kazakh, Russian) wrap inside the badge instead of being cut off. */
const WRAPPING = { root: { height: 'auto', minHeight: 'var(--badge-height)', textTransform: 'none' }, label: { whiteSpace: 'normal' } } as const;

export function ReferralStatusBadges({ r }: { r: Pick<ReferralSummary, 'status' | 'overdue' | 'escalated' | 'override' | 'emergency'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={COLOR[r.status]} styles={WRAPPING} data-testid="referral-status" data-status={r.status}>
        {t(`referralStatus.${r.status}`)}
      </Badge>
      {r.overdue && (
        <Badge color="red" variant="light" styles={WRAPPING}>
          {t('referrals.overdue')}
        </Badge>
      )}
      {r.escalated && (
        <Badge color="orange" variant="light" styles={WRAPPING} data-testid="referral-escalated">
          {t('referrals.escalated')}
        </Badge>
      )}
      {r.emergency && (
        <Badge color="grape" variant="light" styles={WRAPPING}>
          {t('referrals.emergency')}
        </Badge>
      )}
      {r.override && (
        <Badge color="yellow" variant="light" styles={WRAPPING}>
          {t('referrals.override')}
        </Badge>
      )}
    </Group>
  );
}
