import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDate } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { formatTenge, useOpenProtection, usePersonProtection } from './api.ts';
import { ProtectionStatusBadge } from './protection-bits.tsx';

/** The person page's protection summary: her protection cases in scope, totals, and opening one from an accepted referral. */
export function PersonProtectionPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const [, navigate] = useLocation();
  const q = usePersonProtection(personId, can('protection.read'));
  const open = useOpenProtection(personId);
  if (!can('protection.read') || !q.data) return q.isError ? <ErrorAlert error={q.error} /> : null;
  const d = q.data;
  if (d.items.length === 0 && d.openable.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="person-protection">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('protection.panel.title')}
        </Title>
        {d.items.map((p) => (
          <Group key={p.id} justify="space-between" wrap="wrap">
            <Anchor component={Link} href={`/protection/${p.id}`} fw={600} data-testid="person-protection-case">
              {p.reference}
            </Anchor>
            <Group gap="xs">
              <ProtectionStatusBadge status={p.status} />
              <Text size="sm" c="dimmed">
                {formatDate(p.openedAt, lng)}
              </Text>
            </Group>
          </Group>
        ))}
        {d.items.length > 0 && (
          <Text size="sm" data-testid="person-protection-totals">
            {t('protection.fields.totalsText', { cost: formatTenge(d.totalCostTenge, lng), days: d.totalBedDays })}
          </Text>
        )}
        {d.openable.map((o) => (
          <Group key={o.referralId} justify="space-between" wrap="wrap">
            <Text size="sm">
              {t('protection.panel.acceptedReferral', { reference: o.reference })} · <UserText>{agencyName(o.provider.name, lng)}</UserText>
            </Text>
            <Button
              size="sm"
              loading={open.isPending}
              data-testid="open-protection"
              onClick={() => open.mutate(o.referralId, { onSuccess: (c) => navigate(`/protection/${c.id}`) })}
            >
              {t('protection.panel.open')}
            </Button>
          </Group>
        ))}
        <ErrorAlert error={open.error} />
      </Stack>
    </Paper>
  );
}
