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
    <div data-testid="provider-free" data-free={p.free} style={{ whiteSpace: 'nowrap' }}>
      <Text fw={700} c={p.free === 0 ? 'red.8' : undefined}>
        {t('providers.freeCount', { free: p.free })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('providers.capacityCount', { capacity: p.capacity })}
      </Text>
    </div>
  );
}

/** Phone and e-mail as links that call or write from a phone (data, not labels: isolated in <bdi>). */
export function ContactLinks({ contacts }: { contacts: Provider['contacts'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      {contacts.phone && (
        <Anchor href={`tel:${contacts.phone}`} aria-label={t('providers.call', { phone: contacts.phone })} style={{ whiteSpace: 'nowrap' }}>
          <bdi>{contacts.phone}</bdi>
        </Anchor>
      )}
      {contacts.email && (
        <Anchor href={`mailto:${contacts.email}`} style={{ whiteSpace: 'nowrap' }}>
          <bdi>{contacts.email}</bdi>
        </Anchor>
      )}
      {!contacts.phone && !contacts.email && <Text c="dimmed">—</Text>}
    </Stack>
  );
}
