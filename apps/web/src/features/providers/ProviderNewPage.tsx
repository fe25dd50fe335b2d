import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { roleMayManageProviders } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useCurrentUser } from '../auth/current-user.tsx';
import { useCreateProvider } from './api.ts';
import { ProviderForm } from './ProviderForm.tsx';

/** An administrator adds a provider to the directory. */
export function ProviderNewPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const create = useCreateProvider();
  // provider.manage also lets a shelter manager keep her own entry; adding one is the administrator's (core PROVIDER_ACTION_RULES).
  if (!roleMayManageProviders(useCurrentUser().role, 'create'))
    return (
      <Alert color="yellow" role="alert" title={t('errors.forbidden')}>
        {t('common.noAccess')}
      </Alert>
    );
  return (
    <Stack>
      <Anchor component={Link} href="/providers" size="sm">
        {t('providers.backToDirectory')}
      </Anchor>
      <Title order={1}>{t('providers.new')}</Title>
      <ProviderForm
        provider={null}
        chooseAgency
        saving={create.isPending}
        error={create.error}
        onSave={(body) => create.mutate(body, { onSuccess: (p) => navigate(`/providers/${p.id}`) })}
      />
    </Stack>
  );
}
