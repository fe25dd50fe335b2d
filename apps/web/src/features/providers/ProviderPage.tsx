import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type Provider, SCREENING_LANGUAGES } from '@qorgau/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDateTime, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCurrentUser } from '../auth/current-user.tsx';
import { useProvider, useUpdateProvider } from './api.ts';
import { OccupancyForm } from './OccupancyForm.tsx';
import { ContactLinks, EligibilityBadges, FreePlaces } from './provider-bits.tsx';
import { ProviderForm } from './ProviderForm.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function Details({ p }: { p: Provider }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Fact label={t('providers.fields.free')}>
          <FreePlaces p={p} />
        </Fact>
        <Fact label={t('providers.fields.eligibility')}>
          <EligibilityBadges eligibility={p.eligibility} />
        </Fact>
        <Fact label={t('providers.fields.services')}>{p.services.map((s) => t(`providerService.${s}`)).join(', ')}</Fact>
        <Fact label={t('providers.fields.region')}>
          {[regionName(p.regionCode, lng), p.district, t(`settlement.${p.settlement}`)].filter(Boolean).join(' · ')}
        </Fact>
        <Fact label={t('providers.fields.agency')}>
          <UserText>{agencyName(p.agencyName, lng)}</UserText>
        </Fact>
        <Fact label={t('providers.fields.funding')}>{t(`providerFunding.${p.funding}`)}</Fact>
        <Fact label={t('providers.fields.contacts')}>
          <ContactLinks contacts={p.contacts} />
          {p.contacts.address && <UserText>{p.contacts.address}</UserText>}
        </Fact>
        <Fact label={t('providers.fields.languages')}>
          {p.languages.map((l) => ((SCREENING_LANGUAGES as readonly string[]).includes(l) ? t(`screeningLanguage.${l}`) : l.toUpperCase())).join(', ')}
        </Fact>
        <Fact label={t('providers.fields.answerWithinHours')}>
          {p.answerWithinHours === null ? t('providers.defaultAnswer') : t('providers.hours', { hours: p.answerWithinHours })}
        </Fact>
        <Fact label={t('providers.fields.updatedAt')}>{formatDateTime(p.updatedAt, lng)}</Fact>
      </SimpleGrid>
    </Paper>
  );
}

/** One provider: its entry, and for who may keep it (administrator; the manager of its agency) the quick update and the full edit. */
export function ProviderPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const provider = useProvider(id);
  const update = useUpdateProvider(id);
  const [editing, setEditing] = useState(false);
  const me = useCurrentUser();
  if (provider.isPending) return <Loading />;
  if (!provider.data) return <ErrorAlert error={provider.error} onRetry={() => void provider.refetch()} />;
  const p = provider.data;
  return (
    <Stack>
      <Anchor component={Link} href="/providers" size="sm">
        {t('providers.backToDirectory')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} data-testid="provider-title">
            <UserText>{agencyName(p.name, lng)}</UserText>
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="outline" tt="none">
              {t(`providerKind.${p.kind}`)}
            </Badge>
            {!p.active && (
              <Badge color="gray" tt="none">
                {t('providers.inactive')}
              </Badge>
            )}
          </Group>
        </div>
        {p.allowedActions.includes('update') && !editing && (
          <Button variant="light" onClick={() => setEditing(true)} data-testid="provider-edit">
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {p.kind === 'shelter' && p.allowedActions.includes('occupancy') && !editing && (
        <Paper withBorder p="md" maw={640}>
          <Title order={2} size="h4" mb="xs">
            {me.role === 'shelter_manager' ? t('providers.keepCurrent') : t('providers.updateNumbers')}
          </Title>
          <OccupancyForm key={p.updatedAt} provider={p} />
        </Paper>
      )}
      {editing ? (
        <ProviderForm
          provider={p}
          chooseAgency={false}
          saving={update.isPending}
          error={update.error}
          onSave={(body) => update.mutate(body, { onSuccess: () => setEditing(false) })}
        />
      ) : (
        <Details p={p} />
      )}
    </Stack>
  );
}
