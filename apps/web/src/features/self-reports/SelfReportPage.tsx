import { Alert, Box, Button, Checkbox, Container, Group, NativeSelect, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { KZ_REGIONS, SELF_REPORT_SITUATIONS, SelfReportReceipt, type SelfReportBody } from '@qorgau/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { http, isApiError } from '../../api/http-client.ts';
import { isReportLanguage, REPORT_LANGUAGES, switchLanguageTransiently, type ReportLanguage } from '../../i18n/setup.ts';
import { quickExit } from './quick-exit.ts';

/** The national emergency number; the only number this page gives (see the report on issue #3). */
const EMERGENCY_NUMBER = '112';

type Situation = (typeof SELF_REPORT_SITUATIONS)[number];

function QuickExit() {
  const { t } = useTranslation();
  return (
    <Button data-testid="quick-exit" color="red" size="md" onClick={quickExit} aria-label={t('selfReport.quickExitHint')}>
      {t('selfReport.quickExit')}
    </Button>
  );
}

/**
 * The public self-report page (issue #3 item 6): no sign-in, nothing from other sites, nothing
 * stored in the browser (no drafts; the language chosen here is not remembered), a quick exit
 * on every step. Everything typed lives in this component's state only.
 */
export function SelfReportPage() {
  const { t, i18n } = useTranslation();
  const lng: ReportLanguage = isReportLanguage(i18n.language) ? i18n.language : 'kk';
  const [reporter, setReporter] = useState<'self' | 'witness' | ''>('');
  const [what, setWhat] = useState('');
  const [situation, setSituation] = useState<Situation[]>([]);
  const [region, setRegion] = useState('');
  const [contact, setContact] = useState('');
  const [safe, setSafe] = useState(false);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<{ reporter?: string; what?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [reference, setReference] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the title follows the language switch
  useEffect(() => {
    document.title = t('selfReport.title');
  }, [t, lng]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!reporter) next.reporter = t('selfReport.errors.reporter');
    if (!what.trim()) next.what = t('selfReport.errors.what');
    setErrors(next);
    setFailure(null);
    if (next.reporter || next.what) return;
    const body: SelfReportBody = {
      reporter: reporter as 'self' | 'witness',
      language: lng,
      whatHappened: what.trim().slice(0, 5000),
      safeToContact: safe,
      situation,
      ...(region ? { regionCode: region as SelfReportBody['regionCode'] } : {}),
      ...(contact.trim() ? { contact: contact.trim().slice(0, 200) } : {}),
      ...(website ? { website } : {}),
    };
    setSending(true);
    try {
      const receipt = await http.post('/self-reports', SelfReportReceipt, body);
      setReference(receipt.reference);
      setWhat('');
      setContact('');
    } catch (err) {
      setFailure(
        isApiError(err) && err.status === 429
          ? t('selfReport.errors.rateLimited')
          : isApiError(err) && err.code === 'network'
            ? t('selfReport.errors.network')
            : t('selfReport.errors.failed'),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" px="md" py="xs" pos="sticky" top={0} style={{ zIndex: 10, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap">
          <NativeSelect
            data-testid="report-language"
            aria-label={t('selfReport.language')}
            size="xs"
            value={lng}
            onChange={(e) => {
              const next = e.currentTarget.value;
              if (isReportLanguage(next)) void switchLanguageTransiently(next);
            }}
            data={REPORT_LANGUAGES.map((l) => ({ value: l, label: t(`selfReport.languages.${l}`) }))}
          />
          <QuickExit />
        </Group>
      </Box>
      <Container component="main" id="main" size="sm" py="md">
        <Stack>
          <Title order={1} size="h2">
            {t('selfReport.title')}
          </Title>
          <Alert color="orange" title={t('selfReport.dangerTitle')}>
            {t('selfReport.danger', { number: EMERGENCY_NUMBER })}
          </Alert>
          {reference ? (
            <Paper withBorder p="lg" radius="md">
              <Stack>
                <Title order={2} size="h3">
                  {t('selfReport.done.title')}
                </Title>
                <Text>{t('selfReport.done.reference')}</Text>
                <Text data-testid="report-reference" fw={700} fz="xl" ff="monospace">
                  {reference}
                </Text>
                <Text>{t('selfReport.done.next')}</Text>
                <Title order={3} size="h4">
                  {t('selfReport.done.safetyTitle')}
                </Title>
                <Text>{t('selfReport.done.safety1')}</Text>
                <Text>{t('selfReport.done.safety2')}</Text>
                <Text>{t('selfReport.done.safety3', { number: EMERGENCY_NUMBER })}</Text>
              </Stack>
            </Paper>
          ) : (
            <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
              <Stack>
                <Text>{t('selfReport.intro')}</Text>
                <Text size="sm" c="dimmed">
                  {t('selfReport.privacy')}
                </Text>
                <Radio.Group
                  label={t('selfReport.reporter.label')}
                  value={reporter}
                  onChange={(v) => setReporter(v as 'self' | 'witness')}
                  error={errors.reporter}
                  withAsterisk
                >
                  <Stack gap="xs" mt="xs">
                    <Radio data-testid="report-reporter-self" value="self" label={t('selfReport.reporter.self')} />
                    <Radio data-testid="report-reporter-witness" value="witness" label={t('selfReport.reporter.witness')} />
                  </Stack>
                </Radio.Group>
                <Textarea
                  data-testid="report-what"
                  label={t('selfReport.what.label')}
                  description={t('selfReport.what.description')}
                  autosize
                  minRows={4}
                  maxLength={5000}
                  withAsterisk
                  autoComplete="off"
                  value={what}
                  error={errors.what}
                  onChange={(e) => setWhat(e.currentTarget.value)}
                />
                <Checkbox.Group label={t('selfReport.situation.label')} value={situation} onChange={(v) => setSituation(v as Situation[])}>
                  <Stack gap="xs" mt="xs">
                    {SELF_REPORT_SITUATIONS.map((s) => (
                      <Checkbox key={s} data-testid={`report-situation-${s}`} value={s} label={t(`selfReport.situation.${s}`)} />
                    ))}
                  </Stack>
                </Checkbox.Group>
                <NativeSelect
                  data-testid="report-region"
                  label={t('selfReport.region.label')}
                  value={region}
                  onChange={(e) => setRegion(e.currentTarget.value)}
                  data={[{ value: '', label: t('selfReport.region.unknown') }, ...KZ_REGIONS.map((r) => ({ value: r.code as string, label: r.name[lng] }))]}
                />
                <TextInput
                  data-testid="report-contact"
                  label={t('selfReport.contact.label')}
                  description={t('selfReport.contact.description')}
                  maxLength={200}
                  autoComplete="off"
                  value={contact}
                  onChange={(e) => setContact(e.currentTarget.value)}
                />
                <Checkbox data-testid="report-safe" label={t('selfReport.safe')} checked={safe} onChange={(e) => setSafe(e.currentTarget.checked)} />
                {/* Honeypot: hidden from people and from assistive technology; bots fill it in. */}
                <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
                  <label>
                    Website
                    <input type="text" name="website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.currentTarget.value)} />
                  </label>
                </div>
                {failure && (
                  <Alert color="red" role="alert">
                    {failure}
                  </Alert>
                )}
                <Button data-testid="report-submit" type="submit" size="md" loading={sending}>
                  {t('selfReport.submit')}
                </Button>
              </Stack>
            </Paper>
          )}
        </Stack>
      </Container>
    </Box>
  );
}
