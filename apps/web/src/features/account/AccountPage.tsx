import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { agencyName, regionName } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { useCan, useCurrentUser } from '../auth/current-user.tsx';
import { FieldDevices } from './FieldDevices.tsx';
import { isolate } from '../../components/UserText.tsx';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const me = useCurrentUser();
  const can = useCan();
  const jurisdiction = me.jurisdiction.national ? t('users.jurisdiction.national') : me.jurisdiction.regions.map((r) => regionName(r, lng)).join(', ');
  return (
    <Stack>
      <Title order={1}>{t('account.title')}</Title>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('users.fields.displayName')} value={isolate(me.displayName)} />
          <Fact label={t('users.fields.username')} value={isolate(me.username)} />
          <Fact label={t('users.fields.role')} value={t(`roles.${me.role}`)} />
          <Fact label={t('users.fields.agency')} value={`${isolate(agencyName(me.agency.name, lng))} (${t(`agencyTypes.${me.agency.type}`)})`} />
          <Fact label={t('users.fields.jurisdiction')} value={jurisdiction} />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('account.twoFactor.title')}
          </Title>
          <Group gap="xs">
            <Badge color={me.twoFactorEnabled ? 'green' : 'orange'} data-testid="two-factor-status">
              {me.twoFactorEnabled ? t('account.twoFactor.enabled') : t('account.twoFactor.disabled')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {me.twoFactorEnabled ? t('account.twoFactor.enabledHelp') : t('account.twoFactor.disabledHelp')}
          </Text>
        </Stack>
      </Paper>
      {/* Field apps send screenings: whoever screens may give a device a key. */}
      {can('case.create') && <FieldDevices username={me.username} />}
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            {t('account.changePassword')}
          </Title>
          <ChangePasswordForm />
        </Stack>
      </Paper>
    </Stack>
  );
}
