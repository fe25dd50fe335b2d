import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { AuditEntryItem } from './AuditEntryItem.tsx';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { PAGE_SIZE, useAudit, type AuditFilters } from './api.ts';

/**
 * The audit log for those who answer for it (coordinator, administrators): each entry a
 * sentence in the reader's language, records by reference, linked only where her own access
 * reaches. A list of cards rather than a table, so that it reads the same on a phone.
 */
export function AuditPage() {
  const { t } = useTranslation();
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
  const actorName = audit.data?.items.find((e) => e.actorId === filters.actorId)?.actorName ?? null;
  return (
    <Stack>
      <Title order={1}>{t('auditLog.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('auditLog.intro')}
      </Text>
      <AuditFiltersForm filters={filters} actorName={actorName} update={update} />
      <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      {audit.isPending && <Loading />}
      {audit.data && (
        <>
          <Stack component="ol" gap="xs" aria-label={t('auditLog.entries')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {audit.data.items.map((e) => (
              <AuditEntryItem key={e.id} entry={e} onActor={(actorId) => update({ actorId })} onRecord={(recordId) => update({ recordId })} />
            ))}
          </Stack>
          {audit.data.items.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
          <Pager page={page} pageSize={PAGE_SIZE} total={audit.data.total} onChange={(p) => update({ page: p })} />
        </>
      )}
    </Stack>
  );
}
