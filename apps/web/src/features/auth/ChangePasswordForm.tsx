import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { meParser, setMe } from './session.ts';

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [missingCurrent, setMissingCurrent] = useState(false);
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () => http.post('/auth/password', meParser, { currentPassword, newPassword }),
    onSuccess: (me) => {
      setCurrent('');
      setNew('');
      setRepeat('');
      setDone(true);
      setMe(me);
      onDone?.();
    },
  });
  const errors = fieldErrors(change.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const differs = newPassword !== repeat;
    setMismatch(differs);
    setMissingCurrent(!currentPassword);
    if (!differs && currentPassword) change.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        <ErrorAlert error={change.error} />
        {done && (
          <Alert color="green" role="status">
            {t('password.changed')}
          </Alert>
        )}
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
          data-testid="current-password"
          label={t('password.current')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={missingCurrent ? t('validation.required') : errors.currentPassword}
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
          data-testid="new-password"
          label={t('password.new')}
          description={t('password.policy')}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          error={errors.newPassword}
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
          data-testid="repeat-password"
          label={t('password.repeat')}
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={mismatch ? t('password.mismatch') : undefined}
        />
        <Button type="submit" data-testid="change-password" loading={change.isPending}>
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
