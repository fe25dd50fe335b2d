import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { OFFICIAL_FIGURE_COLUMNS, type OfficialFigureImportResult } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatCount } from '../statistics/labels.ts';
import { importIssuesOf, useImportOfficialFigures } from './api.ts';
import { useFigureLabels } from './labels.ts';

/** The file's columns, named in the reader's language in the list of problems. */
const COLUMNS = new Set<string>(OFFICIAL_FIGURE_COLUMNS);

/**
 * A CSV of official figures: checked first (a dry run shows what would be written, or every bad
 * row with its column and message), then imported whole. The server writes all rows or none.
 */
export function OfficialFiguresImport() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const label = useFigureLabels();
  const [file, setFile] = useState<File | null>(null);
  const run = useImportOfficialFigures();
  const issues = importIssuesOf(run.error);
  const result: OfficialFigureImportResult | undefined = run.data;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="official-import-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="official-import-title">
          {t('officialFigures.import.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('officialFigures.import.hint')}
        </Text>
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {t('officialFigures.import.header')}
        </Text>
        <FileInput
          label={t('officialFigures.import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            run.reset();
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('officialFigures.import.clear') }}
          // The file's own name is the user's text, shown as typed.
          valueComponent={({ value }) => <bdi>{Array.isArray(value) ? value.map((f) => f.name).join(', ') : value?.name}</bdi>}
          data-testid="official-file"
          maw={420}
        />
        <Group>
          <Button
            variant="light"
            disabled={!file}
            loading={run.isPending && run.variables?.dryRun}
            onClick={() => file && run.mutate({ file, dryRun: true })}
            data-testid="official-check"
          >
            {t('officialFigures.import.check')}
          </Button>
          <Button
            disabled={!file || !result?.dryRun}
            loading={run.isPending && !run.variables?.dryRun}
            onClick={() => file && run.mutate({ file, dryRun: false })}
            data-testid="official-import"
          >
            {t('officialFigures.import.run')}
          </Button>
        </Group>
        {issues.length > 0 && (
          <Alert color="red" role="alert" title={t('officialFigures.import.refused', { n: issues.length })} data-testid="official-import-issues">
            <DataTable minWidth={480} label={t('officialFigures.import.issues')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('officialFigures.import.row')}</Table.Th>
                  <Table.Th>{t('officialFigures.import.column')}</Table.Th>
                  <Table.Th>{t('officialFigures.import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {issues.map((i) => (
                  <Table.Tr key={`${i.row}-${i.column}-${i.message}`}>
                    <Table.Td>{i.row ?? '—'}</Table.Td>
                    <Table.Td>{COLUMNS.has(i.column) ? t(`officialFigures.column.${i.column}`) : t('officialFigures.column.file')}</Table.Td>
                    <Table.Td>{i.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          </Alert>
        )}
        {issues.length === 0 && <ErrorAlert error={run.error} />}
        {result && (
          <Alert color={result.dryRun ? 'blue' : 'green'} role="status" data-testid="official-import-result">
            <Text size="sm">
              {t(result.dryRun ? 'officialFigures.import.preview' : 'officialFigures.import.done', {
                n: result.rows,
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
              })}
            </Text>
            {result.registerYears.length > 0 && (
              <Text size="sm" mt="xs">
                {t('officialFigures.registerYearWarning', { year: result.registerYears.join(', ') })}
              </Text>
            )}
          </Alert>
        )}
        {result?.dryRun && (
          <DataTable minWidth={560} label={t('officialFigures.import.previewTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('officialFigures.column.year')}</Table.Th>
                <Table.Th>{t('officialFigures.column.figure')}</Table.Th>
                <Table.Th>{t('officialFigures.column.breakdown')}</Table.Th>
                <Table.Th ta="right">{t('officialFigures.column.value')}</Table.Th>
                <Table.Th>{t('officialFigures.column.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.figures.map((f) => (
                <Table.Tr key={`${f.year}-${f.figure}-${f.dimension}-${f.category}`}>
                  <Table.Td>{f.year}</Table.Td>
                  <Table.Td>{label.figure(f.figure)}</Table.Td>
                  <Table.Td>
                    {f.dimension ? `${label.dimension(f.dimension)}: ${label.category(f.dimension, f.category)}` : t('officialFigures.total')}
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(f.value, lng)}</Table.Td>
                  <Table.Td>
                    <bdi>{f.source}</bdi>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
      </Stack>
    </Paper>
  );
}
