import { Alert, Anchor, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { OpenDataset } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http, isApiError } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatCount } from '../statistics/labels.ts';

type Format = 'csv' | 'xlsx';

const datasetUrl = (from: number, to: number, format: Format, lang: string) =>
  `/api/v1/exchange/open-dataset?${new URLSearchParams({ from: String(from), to: String(to), format, lang })}`;

/**
 * The CTDC-style open dataset (issue #14 item 5, `open_dataset.publish`): one row per identified
 * victim of the years, k-anonymous with k = 11, or refused by the server with the reason. "Check"
 * asks for the same publication as JSON and shows what it reached (it is audited like a download:
 * the rows leave the server either way).
 */
export function OpenDatasetPanel() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const lastYear = new Date().getFullYear() - 1;
  // Ten years by default, as the trends show: a single year of a small register rarely reaches k.
  const [from, setFrom] = useState<number>(lastYear - 9);
  const [to, setTo] = useState<number>(lastYear);
  const [format, setFormat] = useState<Format>('csv');
  const [checking, setChecking] = useState(false);
  const [report, setReport] = useState<OpenDataset['report'] | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function check() {
    setChecking(true);
    setReport(null);
    setError(null);
    try {
      setReport((await http.get('/exchange/open-dataset', OpenDataset, { from, to, format: 'json', lang: lng })).report);
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  }

  const n = (v: number) => formatCount(v, lng);
  const refusal = isApiError(error) ? error.fields.find((f) => f.path === 'dataset') : undefined;
  const year = (set: (y: number) => void) => (v: string | number) => {
    set(Number(v) || lastYear);
    setReport(null);
    setError(null);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="open-dataset-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="open-dataset-title">
          {t('exchange.openDataset.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('exchange.openDataset.hint')}
        </Text>
        <Group align="end">
          <NumberInput
            label={t('exchange.openDataset.from')}
            value={from}
            onChange={year(setFrom)}
            min={2000}
            max={lastYear + 1}
            w={120}
            data-testid="open-dataset-from"
          />
          <NumberInput
            label={t('exchange.openDataset.to')}
            value={to}
            onChange={year(setTo)}
            min={2000}
            max={lastYear + 1}
            w={120}
            data-testid="open-dataset-to"
          />
          <SegmentedControl
            aria-label={t('exchange.openDataset.format')}
            value={format}
            onChange={(v) => setFormat(v as Format)}
            data={[
              { value: 'csv', label: 'CSV' },
              { value: 'xlsx', label: 'XLSX' },
            ]}
          />
          <Button variant="light" loading={checking} onClick={check} data-testid="open-dataset-check">
            {t('exchange.openDataset.check')}
          </Button>
          <Button component="a" href={datasetUrl(from, to, format, lng)} download data-testid="open-dataset-download">
            {t('exchange.openDataset.download')}
          </Button>
        </Group>
        <Anchor href={`/api/v1/exchange/open-dataset/dictionary?lang=${lng}`} target="_blank" size="sm" data-testid="open-dataset-dictionary">
          {t('exchange.openDataset.dictionary')}
        </Anchor>
        {refusal ? (
          <Alert color="orange" role="alert" title={t('exchange.openDataset.refused')} data-testid="open-dataset-refused">
            {refusal.message}
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
        {report && (
          <Alert color="green" role="status" data-testid="open-dataset-report">
            <Text size="sm" fw={600}>
              {t('exchange.openDataset.reached', { kReached: n(report.kReached), k: n(report.k) })}
            </Text>
            <Text size="sm">
              {t('exchange.openDataset.counts', { records: n(report.records), published: n(report.published), suppressed: n(report.suppressed) })}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
