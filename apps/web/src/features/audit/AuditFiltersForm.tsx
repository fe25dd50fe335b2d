import { Badge, CloseButton, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { AUDIT_OPERATIONS, AUDIT_OUTCOMES } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../components/SearchInput.tsx';
import type { AuditFilters } from './api.ts';

interface Props {
  filters: AuditFilters;
  update: (changes: Record<string, string | null>) => void;
}

export function AuditFiltersForm({ filters, update }: Props) {
  const { t } = useTranslation();
  const all = { value: '', label: t('common.all') };
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
        <NativeSelect
          data-testid="audit-operation"
          label={t('auditLog.fields.operation')}
          value={filters.operation}
          onChange={(e) => update({ operation: e.currentTarget.value })}
          data={[all, ...AUDIT_OPERATIONS.map((o) => ({ value: o, label: t(`audit.operation.${o}`) }))]}
        />
        <NativeSelect
          data-testid="audit-outcome"
          label={t('auditLog.fields.outcome')}
          value={filters.outcome}
          onChange={(e) => update({ outcome: e.currentTarget.value })}
          data={[all, ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))]}
        />
        <TextInput
          data-testid="audit-from"
          type="date"
          label={t('auditLog.fields.from')}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => update({ from: e.currentTarget.value })}
        />
        <TextInput
          data-testid="audit-to"
          type="date"
          label={t('auditLog.fields.to')}
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => update({ to: e.currentTarget.value })}
        />
        <SearchInput testId="audit-record" label={t('auditLog.fields.recordId')} initial={filters.recordId} onSearch={(recordId) => update({ recordId })} />
      </SimpleGrid>
      {filters.actorId && (
        <Group gap="xs">
          <Badge variant="light" size="lg" rightSection={null}>
            {t('auditLog.actorFilter', { id: filters.actorId })}
          </Badge>
          <CloseButton aria-label={t('auditLog.clearActor')} onClick={() => update({ actorId: null })} />
        </Group>
      )}
    </>
  );
}
