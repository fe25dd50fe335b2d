import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { anyResponse, http } from '../api/http-client.ts';
import { clearSession } from '../api/query-client.ts';

export function SignOutButton({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const signOut = useMutation({
    mutationFn: () => http.post('/auth/sign-out', anyResponse, {}),
    // Forget local data even when the request failed; the server session expires anyway.
    onSettled: () => {
      clearSession();
      navigate('/', { replace: true });
    },
  });
  return (
    <Button data-testid="sign-out" variant="default" fullWidth={fullWidth} loading={signOut.isPending} onClick={() => signOut.mutate()}>
      {t('nav.signOut')}
    </Button>
  );
}
