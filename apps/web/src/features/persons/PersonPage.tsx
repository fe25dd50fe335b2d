import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Person } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatDateTime, regionName } from '../../components/format.ts';
import { useCountryName } from '../../components/use-country-name.ts';
import { Loading } from '../../components/Loading.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { LinkedRecords } from '../linkage/LinkedRecords.tsx';
import { EntitlementsPanel } from '../entitlements/EntitlementsPanel.tsx';
import { DocumentsPanel } from '../documents/DocumentsPanel.tsx';
import { ConsentsPanel } from '../referrals/ConsentsPanel.tsx';
import { PersonProtectionPanel } from '../protection/PersonProtectionPanel.tsx';
import { PersonProceedingsPanel } from '../justice/PersonProceedingsPanel.tsx';
import { LegalAidPanel } from '../redress/LegalAidPanel.tsx';
import { RedressPanel } from '../redress/RedressPanel.tsx';
import { fullName, usePerson } from './api.ts';
import { UserText } from '../../components/UserText.tsx';
import { StatusBadge } from '../cases/StatusBadge.tsx';

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value ? <UserText>{value}</UserText> : '—'}</Text>
    </div>
  );
}

function PersonFacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const id = person.identity;
  const countryName = useCountryName();
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <Fact label={t('persons.fields.gender')} value={t(`gender.${person.gender}`)} />
        <Fact
          label={t('persons.fields.birthdate')}
          value={id?.birthdate ? formatDate(id.birthdate, lng) : person.birthYear ? String(person.birthYear) : null}
        />
        <Fact label={t('persons.fields.citizenship')} value={countryName(person.citizenship)} />
        <Fact label={t('persons.fields.region')} value={regionName(person.regionCode, lng)} />
        {id && (
          <>
            <Fact
              label={t('persons.fields.identityDocumentType')}
              value={id.identityDocumentType ? t(`identityDocumentType.${id.identityDocumentType}`) : null}
            />
            <Fact label={t('persons.fields.identityNumber')} value={id.identityNumber} />
            <Fact label={t('persons.fields.mobilePhone')} value={id.mobilePhone} />
            <Fact label={t('persons.fields.address')} value={id.address} />
          </>
        )}
        <Fact label={t('persons.page.recordedAt')} value={formatDateTime(person.createdAt, lng)} />
      </SimpleGrid>
    </Paper>
  );
}

export function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const person = usePerson(id);
  if (person.isPending) return <Loading />;
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} data-testid="person-name">
            <UserText>{p.identity ? fullName(p.identity) : p.pseudonym}</UserText>
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('persons.page.pseudonym')}
            </Text>
            <Badge variant="light" color="gray">
              {p.pseudonym}
            </Badge>
          </Group>
        </Stack>
        {can('case.create') && (
          <Button component={Link} href={`/persons/${p.id}/new-case`} data-testid="new-case">
            {t('persons.page.openCase')}
          </Button>
        )}
      </Group>
      {!p.identity && (
        <Alert color="blue" variant="light">
          {t('persons.page.identityHidden')}
        </Alert>
      )}
      <PersonFacts person={p} />
      <EntitlementsPanel personId={p.id} />
      <LinkedRecords personId={p.id} identityVisible={p.identity !== null} />
      <DocumentsPanel personId={p.id} citizenship={p.citizenship} />
      <ConsentsPanel personId={p.id} />
      <PersonProtectionPanel personId={p.id} />
      <PersonProceedingsPanel personId={p.id} />
      <RedressPanel personId={p.id} />
      <LegalAidPanel personId={p.id} />
      <Title order={2} size="h3">
        {t('persons.page.cases')}
      </Title>
      {p.cases.length === 0 ? (
        <Text c="dimmed">{t('persons.page.noCases')}</Text>
      ) : (
        <Stack gap="xs">
          {p.cases.map((c) => (
            <Paper key={c.id} withBorder p="sm">
              <Group justify="space-between">
                <Anchor component={Link} href={`/cases/${c.id}`} fw={600} data-testid="person-case">
                  {c.reference}
                </Anchor>
                <Group gap="xs">
                  <StatusBadge status={c.status} />
                  <Text size="sm" c="dimmed">
                    {formatDate(c.openedAt, lng)}
                  </Text>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
