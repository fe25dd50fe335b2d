import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TotpCodeInput } from './TotpCodeInput.tsx';
import { http, isApiError } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { meParser, setMe } from './session.ts';

type Step = 'credentials' | 'code';

export function SignInPage() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>('credentials');
  const [localError, setLocalError] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const signIn = useMutation({
    mutationFn: (body: { username: string; password: string; code?: string }) => http.post('/auth/sign-in', meParser, body),
    onSuccess: (me) => setMe(me),
    onError: (error) => {
      if (isApiError(error) && (error.code === 'two_factor_required' || error.code === 'two_factor_invalid')) {
        setStep('code');
        setCode('');
        window.setTimeout(() => codeRef.current?.focus(), 0);
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocalError(null);
    if (!username.trim() || !password) {
      setLocalError(t('auth.signIn.missing'));
      return;
    }
    if (step === 'code' && !/^\d{6}$/.test(code)) {
      setLocalError(t('auth.codeFormat'));
      return;
    }
    signIn.mutate({ username: username.trim(), password, ...(step === 'code' ? { code } : {}) });
  };

  const error = signIn.error;
  const twoFactorPrompt = isApiError(error) && error.code === 'two_factor_required';
  const codeError = localError && step === 'code' ? localError : isApiError(error) && error.code === 'two_factor_invalid' ? error.message : null;

  return (
    <Paper withBorder shadow="sm" p="lg" radius="md" maw={420} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.signIn.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('auth.signIn.intro')}
          </Text>
          {!twoFactorPrompt && !codeError && <ErrorAlert error={error} />}
          {localError && step === 'credentials' && (
            <Text c="red" size="sm" role="alert">
              {localError}
            </Text>
          )}
          <TextInput
            data-testid="username"
            label={t('auth.signIn.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            readOnly={step === 'code'}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
            data-testid="password"
            label={t('auth.signIn.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            readOnly={step === 'code'}
          />
          {step === 'code' && <TotpCodeInput ref={codeRef} value={code} onChange={setCode} description={t('auth.signIn.codeHelp')} error={codeError} />}
          <Button type="submit" data-testid="sign-in" loading={signIn.isPending}>
            {step === 'code' ? t('auth.signIn.verify') : t('auth.signIn.submit')}
          </Button>
          {step === 'code' && (
            <Button
              variant="subtle"
              onClick={() => {
                setStep('credentials');
                setPassword('');
                setCode('');
                signIn.reset();
              }}
            >
              {t('auth.signIn.startOver')}
            </Button>
          )}
        </Stack>
      </form>
      {/* A full page load: /report is its own small entry (report.html), not part of this app. */}
      <Anchor href="/report" size="xs" c="dimmed" mt="md" display="block" ta="center" data-testid="report-link">
        {t('selfReport.signInLink')}
      </Anchor>
    </Paper>
  );
}
