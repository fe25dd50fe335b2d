import { Anchor, Badge, Code, Stack, Table, Text, Title } from '@mantine/core';
import type { AuditEntry } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZE, useAudit, type AuditFilters } from './api.ts';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { UserText } from '../../components/UserText.tsx';

const OUTCOME_COLORS = { success: 'green', denied: 'orange', failed: 'red' } as const;

function detailsText(details: AuditEntry['details']): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

export function AuditPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { get, page, update } = useListParams();
  const filters: AuditFilters = {
    operation: get('operation'),
    outcome: get('outcome'),
    actorId: get('actorId'),
    recordId: get('recordId'),
    from: get('from'),
    to: get('to'),
    page,
  };
  const audit = useAudit(filters);
  return (
    <Stack>
      <Title order={1}>{t('auditLog.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('auditLog.intro')}
      </Text>
      <AuditFiltersForm filters={filters} update={update} />
      <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      {audit.isPending && <Loading />}
      {audit.data && (
        <>
          <Table.ScrollContainer minWidth={960}>
            <Table striped verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auditLog.fields.at')}</Table.Th>
                  <Table.Th>{t('auditLog.fields.operation')}</Table.Th>
                  <Table.Th>{t('auditLog.fields.outcome')}</Table.Th>
                  <Table.Th>{t('auditLog.fields.actor')}</Table.Th>
                  <Table.Th>{t('auditLog.fields.record')}</Table.Th>
                  <Table.Th>{t('auditLog.fields.ip')}</Table.Th>
                  <Table.Th>{t('auditLog.fields.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audit.data.items.map((e) => (
                  <Table.Tr key={e.id} data-testid="audit-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, lng)}</Table.Td>
                    <Table.Td>{t(`audit.operation.${e.operation}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={OUTCOME_COLORS[e.outcome]} variant="light" style={{ overflow: 'visible' }}>
                        {t(`audit.outcome.${e.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {e.actorId ? (
                        <Anchor component="button" type="button" fz="sm" onClick={() => update({ actorId: e.actorId })}>
                          <UserText>{e.actorUsername ?? e.actorId}</UserText>
                        </Anchor>
                      ) : (
                        '—'
                      )}
                      {e.actorRole && (
                        <Text size="xs" c="dimmed">
                          {t(`roles.${e.actorRole}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {e.recordId ? (
                        <Anchor component="button" type="button" fz="sm" onClick={() => update({ recordId: e.recordId })}>
                          {e.recordType ? `${e.recordType} ` : ''}
                          <Code>{e.recordId}</Code>
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{e.ip ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
                        {detailsText(e.details)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {audit.data.items.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={audit.data.total} onChange={(p) => update({ page: p })} />
        </>
      )}
    </Stack>
  );
}
