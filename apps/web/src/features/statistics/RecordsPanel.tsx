import { Anchor, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { RECORDS_PAGE_SIZE, type RecordsRequest, useStatisticsRecords } from './api.ts';
import { categoryLabel } from './labels.ts';

/**
 * The records behind a figure (statistics.records only; the server also limits them to the
 * persons the reader may open, and audits the list). Pseudonyms, never names: the person and
 * case pages behind the links apply their own access rules.
 */
export function RecordsPanel({ request, title, onClose }: { request: RecordsRequest; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [page, setPage] = useState(1);
  const q = useStatisticsRecords(request, page);
  const box = useRef<HTMLDivElement>(null);
  // Opened (the parent keys it by its request): show it and move the focus to it.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
    box.current?.focus();
  }, []);
  return (
    <Paper withBorder p="md" ref={box} tabIndex={-1} data-testid="statistics-records" className="statistics-records">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Title order={2} size="h4">
          {t('statistics.records.title', { figure: title })}
        </Title>
        <Button variant="default" size="xs" onClick={onClose} data-testid="statistics-records-close" className="statistics-controls">
          {t('common.close')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('statistics.records.note')}
      </Text>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Text data-testid="statistics-records-empty">{t('statistics.records.none')}</Text>
      ) : (
        <>
          <DataTable label={t('statistics.records.title', { figure: title })} minWidth={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('statistics.records.person')}</Table.Th>
                <Table.Th>{t('statistics.records.case')}</Table.Th>
                <Table.Th>{t('statistics.records.identifiedOn')}</Table.Th>
                <Table.Th>{t('statistics.records.region')}</Table.Th>
                <Table.Th>{t('statistics.records.form')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((r) => (
                <Table.Tr key={`${r.personId}-${r.caseId}`} data-testid="statistics-record">
                  <Table.Td>
                    <Anchor component={Link} href={`/persons/${r.personId}`} data-testid="statistics-record-person">
                      <bdi>{r.pseudonym}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} href={`/cases/${r.caseId}`}>
                      <bdi>{r.caseReference}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.identifiedOn, lng)}</Table.Td>
                  <Table.Td>{regionName(r.region, lng)}</Table.Td>
                  <Table.Td>{categoryLabel(t, lng, 'form', r.form)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
          <Pager page={q.data.page} pageSize={RECORDS_PAGE_SIZE} total={q.data.total} onChange={setPage} />
        </>
      )}
    </Paper>
  );
}

/** Long Kazakh labels wrap inside the button instead of running out of its card. */
const WRAP = { label: { whiteSpace: 'normal' as const, textAlign: 'left' as const } };

/** "Records behind this figure": shown only to holders of statistics.records (the caller decides). */
export function OpenRecordsButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button variant="light" size="xs" mt="sm" h="auto" py={6} styles={WRAP} onClick={onClick} data-testid={testId} className="statistics-controls">
      {t('statistics.records.open')}
    </Button>
  );
}
