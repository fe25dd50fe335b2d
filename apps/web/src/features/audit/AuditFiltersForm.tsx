import { Badge, CloseButton, Group, NativeSelect, SimpleGrid } from '@mantine/core';
import { AUDIT_OPERATIONS, AUDIT_OUTCOMES } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { isolate } from '../../components/UserText.tsx';
import { isIsoDate } from '../../components/date-input.ts';
import { SearchInput } from '../../components/SearchInput.tsx';
import type { AuditFilters } from './api.ts';

interface Props {
  filters: AuditFilters;
  /** The filtered user's display name, when the page shows any of her entries. */
  actorName: string | null;
  update: (changes: Record<string, string | null>) => void;
}

/** A date filter is applied once it is a whole date or cleared, not on every keystroke. */
const settled = (v: string) => v === '' || isIsoDate(v);

export function AuditFiltersForm({ filters, actorName, update }: Props) {
  const { t } = useTranslation();
  const all = { value: '', label: t('common.all') };
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
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
        <DateField
          data-testid="audit-from"
          label={t('auditLog.fields.from')}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(v) => settled(v) && update({ from: v })}
        />
        <DateField
          data-testid="audit-to"
          label={t('auditLog.fields.to')}
          value={filters.to}
          min={filters.from || undefined}
          onChange={(v) => settled(v) && update({ to: v })}
        />
        <SearchInput testId="audit-record" label={t('auditLog.fields.recordId')} initial={filters.recordId} onSearch={(recordId) => update({ recordId })} />
      </SimpleGrid>
      {filters.actorId && (
        <Group gap="xs">
          <Badge variant="light" size="lg" rightSection={null}>
            {t('auditLog.actorFilter', { name: actorName ? isolate(actorName) : t('auditLog.unknownActor') })}
          </Badge>
          <CloseButton aria-label={t('auditLog.clearActor')} onClick={() => update({ actorId: null })} />
        </Group>
      )}
    </>
  );
}
