import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { formatDate, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useSelfReport, useSetSelfReportStatus } from './api.ts';
import { StatusBadge } from './SelfReportsQueuePage.tsx';
import { UserText } from '../../components/UserText.tsx';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap' }}>
        {value ? <UserText>{value}</UserText> : '—'}
      </Text>
    </div>
  );
}

/** One report: what the person wrote, and the operator's next steps. */
export function SelfReportDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const report = useSelfReport(id);
  const setStatus = useSetSelfReportStatus(id);
  const [screeningRef, setScreeningRef] = useState('');
  if (report.isPending) return <Loading />;
  if (report.error || !report.data) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const open = r.status === 'new' || r.status === 'in_progress';
  const errors = fieldErrors(setStatus.error);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{r.reference}</Title>
        <StatusBadge status={r.status} />
      </Group>
      <Paper withBorder p="md">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Fact label={t('selfReports.fields.createdAt')} value={formatDate(r.createdAt, lng)} />
            <Fact label={t('selfReports.fields.reporter')} value={t(`selfReports.reporter.${r.reporter}`)} />
            <Fact label={t('selfReports.fields.language')} value={t(`selfReport.languages.${r.language}`)} />
            <Fact label={t('selfReports.fields.region')} value={r.regionCode ? regionName(r.regionCode, lng) : t('selfReports.noRegion')} />
            <Fact label={t('selfReports.fields.contact')} value={r.contact ?? ''} testId="self-report-contact" />
            <Fact label={t('selfReports.fields.safeToContact')} value={t(r.safeToContact ? 'selfReports.yes' : 'selfReports.no')} />
          </SimpleGrid>
          <Fact label={t('selfReports.fields.situation')} value={r.situation.map((s) => t(`selfReport.situation.${s}`)).join(', ')} />
          <Fact label={t('selfReports.fields.whatHappened')} value={r.whatHappened} testId="self-report-text" />
        </Stack>
      </Paper>
      {!r.safeToContact && (
        <Alert color="orange" title={t('selfReports.notSafeTitle')}>
          {t('selfReports.notSafe')}
        </Alert>
      )}
      <ErrorAlert error={setStatus.error && !Object.keys(errors).length ? setStatus.error : null} />
      {open && (
        <Paper withBorder p="md">
          <Stack>
            <Group>
              {r.status === 'new' && (
                <Button data-testid="self-report-take" loading={setStatus.isPending} onClick={() => setStatus.mutate({ status: 'in_progress' })}>
                  {t('selfReports.actions.take')}
                </Button>
              )}
              <Button component={Link} href={`/screenings/new?fromReport=${r.id}`} variant="light" data-testid="self-report-screen">
                {t('selfReports.actions.screen')}
              </Button>
              <Button
                color="gray"
                variant="outline"
                data-testid="self-report-close"
                loading={setStatus.isPending}
                onClick={() => setStatus.mutate({ status: 'closed' })}
              >
                {t('selfReports.actions.close')}
              </Button>
            </Group>
            <Group align="flex-end">
              <TextInput
                data-testid="self-report-screening-ref"
                label={t('selfReports.actions.screeningRef')}
                description={t('selfReports.actions.screeningRefHelp')}
                placeholder="SCR-2026-000123"
                value={screeningRef}
                error={errors.screeningReference}
                onChange={(e) => setScreeningRef(e.currentTarget.value)}
              />
              <Button
                data-testid="self-report-mark-screened"
                loading={setStatus.isPending}
                onClick={() => setStatus.mutate({ status: 'screened', screeningReference: screeningRef.trim() })}
              >
                {t('selfReports.actions.markScreened')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {r.screeningId && (
        <Anchor component={Link} href={`/screenings/${r.screeningId}`} data-testid="self-report-screening-link">
          {t('selfReports.openScreening')}
        </Anchor>
      )}
      <Anchor component={Link} href="/self-reports">
        {t('selfReports.back')}
      </Anchor>
    </Stack>
  );
}
