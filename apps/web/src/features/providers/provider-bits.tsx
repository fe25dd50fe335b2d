import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { Provider } from '@qorgau/core';
import { useTranslation } from 'react-i18next';

/** Who a provider takes, one badge per group (children in their own colour: placed separately). */
export function EligibilityBadges({ eligibility }: { eligibility: Provider['eligibility'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} data-testid="provider-eligibility">
      {eligibility.map((e) => (
        <Badge key={e} size="sm" variant="light" color={e === 'children' ? 'grape' : e === 'foreign_nationals' ? 'teal' : 'blue'} tt="none">
          {t(`providerEligibility.${e}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Free places of a shelter: red when none, with the capacity beside it; a service has no beds. */
export function FreePlaces({ p }: { p: Pick<Provider, 'kind' | 'free' | 'capacity'> }) {
  const { t } = useTranslation();
  if (p.kind !== 'shelter') return <Text c="dimmed">{t('providers.noBeds')}</Text>;
  return (
    <Text fw={600} c={p.free === 0 ? 'red.8' : undefined} data-testid="provider-free">
      {t('providers.freeOf', { free: p.free, capacity: p.capacity })}
    </Text>
  );
}

/** Phone and e-mail as links that call or write from a phone. */
export function ContactLinks({ contacts }: { contacts: Provider['contacts'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      {contacts.phone && (
        <Anchor href={`tel:${contacts.phone}`} aria-label={t('providers.call', { phone: contacts.phone })} style={{ whiteSpace: 'nowrap' }}>
          {contacts.phone}
        </Anchor>
      )}
      {contacts.email && (
        <Anchor href={`mailto:${contacts.email}`} style={{ overflowWrap: 'anywhere' }}>
          {contacts.email}
        </Anchor>
      )}
      {!contacts.phone && !contacts.email && <Text c="dimmed">—</Text>}
    </Stack>
  );
}
