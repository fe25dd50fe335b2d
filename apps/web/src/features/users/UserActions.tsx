import { Button, Group } from '@mantine/core';
import type { User } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { useCurrentUser } from '../auth/current-user.tsx';
import { useResetPassword, useUpdateUser } from './api.ts';

interface Props {
  user: User;
  onEdit: () => void;
  onPasswordReset: (username: string, temporaryPassword: string, awaitingApproval: boolean) => void;
}

export function UserActions({ user, onEdit, onPasswordReset }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [confirm, setConfirm] = useState<'reset' | 'toggle' | null>(null);
  const reset = useResetPassword();
  const update = useUpdateUser();
  const self = me.id === user.id;
  const close = () => {
    setConfirm(null);
    reset.reset();
    update.reset();
  };
  return (
    // Wraps rather than widening the table past the screen (long Kazakh and Russian labels).
    <Group gap={6} wrap="wrap">
      <Button size="compact-sm" variant="light" onClick={onEdit} data-testid="user-edit">
        {t('common.edit')}
      </Button>
      <Button size="compact-sm" variant="light" color="orange" onClick={() => setConfirm('reset')} data-testid="user-reset">
        {t('users.actions.resetPassword')}
      </Button>
      {!self && (
        <Button size="compact-sm" variant="light" color={user.disabled ? 'teal' : 'red'} onClick={() => setConfirm('toggle')} data-testid="user-toggle">
          {user.disabled ? t('users.actions.enable') : t('users.actions.disable')}
        </Button>
      )}
      <ConfirmModal
        opened={confirm === 'reset'}
        title={t('users.actions.resetPassword')}
        confirmLabel={t('users.actions.resetPassword')}
        danger
        loading={reset.isPending}
        error={reset.error}
        onClose={close}
        onConfirm={() =>
          reset.mutate(user.id, {
            onSuccess: (r) => {
              close();
              onPasswordReset(r.user.username, r.temporaryPassword, r.awaitingApproval);
            },
          })
        }
      >
        {t('users.actions.resetConfirm', { username: user.username })}
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'toggle'}
        title={user.disabled ? t('users.actions.enable') : t('users.actions.disable')}
        confirmLabel={user.disabled ? t('users.actions.enable') : t('users.actions.disable')}
        danger={!user.disabled}
        loading={update.isPending}
        error={update.error}
        onClose={close}
        onConfirm={() => update.mutate({ id: user.id, body: { disabled: !user.disabled } }, { onSuccess: close })}
      >
        {user.disabled ? t('users.actions.enableConfirm', { username: user.username }) : t('users.actions.disableConfirm', { username: user.username })}
      </ConfirmModal>
    </Group>
  );
}
