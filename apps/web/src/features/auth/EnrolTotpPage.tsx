import { Alert, Button, Code, CopyButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { TotpEnrolment } from '@qorgau/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TotpCodeInput } from './TotpCodeInput.tsx';
import { http, isApiError } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { meParser, setMe } from './session.ts';

/** Groups of four for reading aloud or typing; textContent stays the raw secret. */
function SecretGroups({ secret }: { secret: string }) {
  const groups = secret.match(/.{1,4}/g) ?? [];
  return (
    <Code data-testid="totp-secret" fz="md" style={{ wordBreak: 'break-all' }}>
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed split of one secret; groups never reorder
        <span key={i} style={{ marginRight: i < groups.length - 1 ? '0.6ch' : 0 }}>
          {g}
        </span>
      ))}
    </Code>
  );
}

export function EnrolTotpPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  // Each enrol call makes a new secret: never refetch behind the user's back.
  const enrolment = useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: () => http.post('/auth/totp/enroll', TotpEnrolment, {}),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: (c: string) => http.post('/auth/totp/confirm', meParser, { code: c }),
    onSuccess: (me) => setMe(me),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocalError(null);
    if (!/^\d{6}$/.test(code)) {
      setLocalError(t('auth.codeFormat'));
      return;
    }
    confirm.mutate(code);
  };

  const codeError = localError ?? (isApiError(confirm.error) && confirm.error.code === 'two_factor_invalid' ? confirm.error.message : null);

  return (
    <Paper withBorder shadow="sm" p="lg" radius="md" maw={520} mx="auto" mt="xl">
      <Stack>
        <Title order={1} size="h2">
          {t('auth.enrol.title')}
        </Title>
        <Text size="sm">{t('auth.enrol.intro')}</Text>
        {enrolment.isPending && <Loading />}
        <ErrorAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} />
        {enrolment.data && (
          <>
            <List type="ordered" size="sm" spacing="xs">
              <List.Item>{t('auth.enrol.step1')}</List.Item>
              <List.Item>{t('auth.enrol.step2')}</List.Item>
              <List.Item>{t('auth.enrol.step3')}</List.Item>
            </List>
            <img
              data-testid="totp-qr"
              src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.data.qrSvg)}`}
              alt={t('auth.enrol.qrAlt')}
              width={200}
              height={200}
              style={{ alignSelf: 'center', background: 'white', padding: 8 }}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('auth.enrol.secretLabel')}
              </Text>
              <Group gap="xs" wrap="wrap">
                <SecretGroups secret={enrolment.data.secret} />
                <CopyButton value={enrolment.data.secret}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('common.copied') : t('common.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
            <form onSubmit={submit} noValidate>
              <Stack>
                {!codeError && <ErrorAlert error={confirm.error} />}
                <TotpCodeInput value={code} onChange={setCode} description={t('auth.enrol.codeHelp')} error={codeError} />
                <Button type="submit" data-testid="totp-confirm" loading={confirm.isPending}>
                  {t('auth.enrol.confirm')}
                </Button>
              </Stack>
            </form>
            <Alert color="blue" variant="light">
              {t('auth.enrol.keepSafe')}
            </Alert>
          </>
        )}
      </Stack>
    </Paper>
  );
}
