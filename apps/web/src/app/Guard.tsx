import { Alert } from '@mantine/core';
import type { Permission } from '@qorgau/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../features/auth/current-user.tsx';

/** Hides a page the user may not use; the server refuses it anyway. */
export function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can(permission)) {
    return (
      <Alert color="yellow" role="alert" title={t('errors.forbidden')}>
        {t('common.noAccess')}
      </Alert>
    );
  }
  return <>{children}</>;
}
