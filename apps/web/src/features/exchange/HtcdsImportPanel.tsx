import { Alert, Anchor, Button, FileInput, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { HtcdsImportResult } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http-client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { isolate } from '../../components/UserText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatCount } from '../statistics/labels.ts';
import { importReportUrl, uploadHtcdsFile } from './api.ts';

type Stage = { kind: 'idle' } | { kind: 'sending'; share: number; dryRun: boolean } | { kind: 'checking'; dryRun: boolean };

/**
 * An HTCDS file in: checked first (a dry run lists every bad row, writes nothing), then taken in.
 * Good rows are kept and bad rows reported either way; taking in the same rows again creates
 * nothing, so a corrected file can simply be uploaded again.
 */
export function HtcdsImportPanel() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [result, setResult] = useState<HtcdsImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = stage.kind !== 'idle';

  async function run(dryRun: boolean) {
    if (!file) return;
    setError(null);
    setResult(null);
    setStage({ kind: 'sending', share: 0, dryRun });
    try {
      const r = await uploadHtcdsFile(file, {
        dryRun,
        onProgress: (share) => setStage(share < 1 ? { kind: 'sending', share, dryRun } : { kind: 'checking', dryRun }),
      });
      setResult(r);
    } catch (e) {
      setError(e);
    } finally {
      setStage({ kind: 'idle' });
    }
  }

  const n = (v: number) => formatCount(v, lng);
  const fileIssue = isApiError(error) ? error.fields.find((f) => f.path === 'file') : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="htcds-import-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="htcds-import-title">
          {t('exchange.import.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('exchange.import.hint')}
        </Text>
        <FileInput
          label={t('exchange.import.file')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
            setError(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('exchange.import.clear') }}
          // The file's own name is the user's text, shown as typed.
          valueComponent={({ value }) => <bdi>{Array.isArray(value) ? value.map((f) => f.name).join(', ') : value?.name}</bdi>}
          data-testid="htcds-file"
          maw={420}
        />
        <Group>
          <Button variant="light" disabled={!file || busy} loading={busy && stage.dryRun} onClick={() => run(true)} data-testid="htcds-check">
            {t('exchange.import.check')}
          </Button>
          <Button disabled={!file || busy} loading={busy && !stage.dryRun} onClick={() => run(false)} data-testid="htcds-import">
            {t('exchange.import.run')}
          </Button>
        </Group>
        {stage.kind !== 'idle' && (
          <Stack gap={4} data-testid="htcds-progress">
            <Text size="sm">
              {stage.kind === 'sending' ? t('exchange.import.sending', { percent: Math.round(stage.share * 100) }) : t('exchange.import.checking')}
            </Text>
            <Progress
              value={stage.kind === 'sending' ? stage.share * 100 : 100}
              animated={stage.kind === 'checking'}
              aria-label={t('exchange.import.progress')}
            />
          </Stack>
        )}
        {fileIssue ? (
          <Alert color="red" role="alert" title={t('exchange.import.refused')} data-testid="htcds-refused">
            {fileIssue.message}
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
        {result && (
          <Alert color={result.rejected ? 'orange' : 'green'} role="status" data-testid="htcds-result" data-dry={String(result.dryRun)}>
            <Text size="sm" fw={600}>
              {t(result.dryRun ? 'exchange.import.checked' : 'exchange.import.done', { rows: n(result.rowsRead) })}
            </Text>
            <Text size="sm" data-testid="htcds-counts">
              {t(result.dryRun ? 'exchange.import.countsDry' : 'exchange.import.counts', {
                created: n(result.created),
                already: n(result.alreadyImported),
                linked: n(result.linked),
                rejected: n(result.rejected),
              })}
            </Text>
            {result.unknownColumns.length > 0 && (
              <Text size="sm" mt="xs">
                {t('exchange.import.unknownColumns', { columns: isolate(result.unknownColumns.join(', ')) })}
              </Text>
            )}
          </Alert>
        )}
        {result && result.issues.length > 0 && (
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {t('exchange.import.issues', { n: n(result.issuesTotal) })}
              </Title>
              <Anchor href={importReportUrl(result.importId, lng)} download data-testid="htcds-report">
                {t('exchange.import.report')}
              </Anchor>
            </Group>
            <DataTable minWidth={520} label={t('exchange.import.issuesTable')} data-testid="htcds-issues">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('exchange.report.row')}</Table.Th>
                  <Table.Th>{t('exchange.report.column')}</Table.Th>
                  <Table.Th>{t('exchange.report.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.issues.map((i) => (
                  <Table.Tr key={`${i.row}-${i.column}-${i.code}`}>
                    <Table.Td>{i.row}</Table.Td>
                    <Table.Td>
                      {t(`htcds.column.${i.column}`)}
                      {/* The column's name as the file's first row writes it. */}
                      <Text size="xs" c="dimmed" ff="monospace">
                        <bdi>{i.column}</bdi>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{i.message}</bdi>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
