import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import type { AuditEntry, AuditFact, AuditRecordRef } from '@qorgau/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate, formatDateTime, regionName } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';

const OUTCOME_COLORS = { success: 'green', denied: 'orange', failed: 'red' } as const;
/** Operations done by the system itself, with no signed-in actor. */
const SYSTEM_OPERATIONS = new Set(['system.seeded', 'keys.rotated', 'linkage.run_finished']);
const RECORD_PAGES: Record<string, (r: AuditRecordRef) => string> = {
  case: (r) => `/cases/${r.id}`,
  person: (r) => `/persons/${r.id}`,
  screening: (r) => `/screenings/${r.id}`,
  self_report: (r) => `/self-reports/${r.id}`,
  user: (r) => `/admin/users?q=${encodeURIComponent(r.reference ?? '')}`,
  grant: (r) => `/admin/users?q=${encodeURIComponent(r.reference ?? '')}`,
  agency: () => '/admin/agencies',
  provider: (r) => `/providers/${r.id}`,
  protection_case: (r) => `/protection/${r.id}`,
};

/** Where a record opens, for a record the server marked as one the reader may open. */
export function recordHref(r: AuditRecordRef): string | null {
  const page = RECORD_PAGES[r.type];
  return r.linkable && page ? page(r) : null;
}

interface Filters {
  onActor: (actorId: string) => void;
  onRecord: (recordId: string) => void;
}

/** A record as its kind and reference ("case QRG-2026-000202"), a link where the reader may open it. */
function RecordLabel({ record, onRecord, bare = false }: { record: AuditRecordRef; onRecord?: Filters['onRecord']; bare?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = useLanguage();
  const noun = t(i18n.exists(`auditLog.recordType.${record.type}`) ? `auditLog.recordType.${record.type}` : 'auditLog.recordType.unknown');
  const reference = record.names ? record.names[lng] : record.reference;
  // Under a label that already says what it is ("Person: P-7K3Q9"), the reference alone.
  const label = (
    <>
      {bare && reference ? null : noun}
      {reference ? (
        <>
          {bare ? null : ' '}
          {/* A reference number is not broken at its hyphens; a name may wrap. */}
          <UserText>
            {record.names || record.type === 'user' || record.type === 'grant' ? reference : <span style={{ whiteSpace: 'nowrap' }}>{reference}</span>}
          </UserText>
        </>
      ) : null}
    </>
  );
  const href = recordHref(record);
  if (href)
    return (
      <Anchor component={Link} href={href} data-testid="audit-record-link">
        {label}
      </Anchor>
    );
  if (onRecord)
    return (
      <Anchor component="button" type="button" fz="inherit" title={t('auditLog.filterRecord')} onClick={() => onRecord(record.id)}>
        {label}
      </Anchor>
    );
  return label;
}

function FactValue({ fact }: { fact: AuditFact }) {
  const { t, i18n } = useTranslation();
  const lng = useLanguage();
  switch (fact.kind) {
    case 'record':
      return <RecordLabel record={fact.record} bare />;
    case 'count':
    case 'number':
      return <>{fact.value.toLocaleString(lng === 'en' ? 'en-GB' : lng)}</>;
    case 'flag':
      return <>{t(fact.value ? 'auditLog.yes' : 'auditLog.no')}</>;
    case 'date':
      return <>{formatDate(fact.value, lng)}</>;
    case 'region':
      return <>{regionName(fact.value, lng)}</>;
    case 'text':
      return <UserText>{fact.value}</UserText>;
    case 'codes':
      // A code without a translation is left out rather than shown raw.
      return (
        <>
          {fact.codes
            .filter((c) => i18n.exists(`${fact.group}.${c}`))
            .map((c) => t(`${fact.group}.${c}`))
            .join(', ')}
        </>
      );
  }
}

/** Splits a translated sentence on its {{actor}} and {{record}} slots and puts the nodes in. */
function fill(template: string, slots: { actor: ReactNode; record: ReactNode }): ReactNode {
  return template.split(/(\{\{actor\}\}|\{\{record\}\})/).map((piece, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one sentence never move.
    <Fragment key={i}>{piece === '{{actor}}' ? slots.actor : piece === '{{record}}' ? slots.record : piece}</Fragment>
  ));
}

/** One entry as a sentence in the reader's language, its time and its labelled details. */
export function AuditEntryItem({ entry: e, onActor, onRecord }: { entry: AuditEntry } & Filters) {
  const { t, i18n } = useTranslation();
  const lng = useLanguage();
  const op = e.operation;
  let key = `auditLog.sentence.${op}`;
  if (e.outcome !== 'success' && op !== 'access.denied')
    key = i18n.exists(`auditLog.sentenceNotDone.${op}`) ? `auditLog.sentenceNotDone.${op}` : 'auditLog.sentenceNotDone.generic';
  else if (!e.record && !e.recordType && i18n.exists(`auditLog.sentenceBare.${op}`)) key = `auditLog.sentenceBare.${op}`;
  const template = t(key, { actor: '{{actor}}', record: '{{record}}', operation: t(`audit.operation.${op}`) });

  const actor = e.actorName ? (
    <Anchor component="button" type="button" fz="inherit" fw={600} title={t('auditLog.filterActor')} onClick={() => e.actorId && onActor(e.actorId)}>
      <UserText>{e.actorName}</UserText>
    </Anchor>
  ) : (
    t(!e.actorId && SYSTEM_OPERATIONS.has(op) ? 'auditLog.system' : 'auditLog.unknownActor')
  );
  const listNoun = e.recordType && i18n.exists(`auditLog.recordList.${e.recordType}`) ? t(`auditLog.recordList.${e.recordType}`) : '';
  const record = e.record ? <RecordLabel record={e.record} onRecord={onRecord} /> : listNoun;
  const facts = [...e.facts];
  // A record the sentence has no place for is shown with the details.
  const recordFact = e.record && !template.includes('{{record}}') ? e.record : null;

  return (
    <Paper component="li" withBorder p="sm" data-testid="audit-row">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text size="sm" data-testid="audit-sentence">
          {fill(template, { actor, record })}
        </Text>
        {e.outcome !== 'success' && (
          <Badge color={OUTCOME_COLORS[e.outcome]} variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
            {t(`audit.outcome.${e.outcome}`)}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {[formatDateTime(e.at, lng), e.actorRole ? t(`roles.${e.actorRole}`) : '', e.ip ? t('auditLog.from', { ip: e.ip }) : ''].filter(Boolean).join(' · ')}
      </Text>
      {(facts.length > 0 || recordFact) && (
        <Group component="dl" gap={4} mt={4} mb={0} style={{ columnGap: 'var(--mantine-spacing-md)', rowGap: 2 }}>
          {recordFact && (
            <Text component="div" size="xs">
              <Text component="dt" fw={600} size="xs" style={{ display: 'inline' }}>
                {t('auditLog.detail.record')}:
              </Text>{' '}
              <Text component="dd" size="xs" m={0} style={{ display: 'inline' }}>
                <RecordLabel record={recordFact} onRecord={onRecord} />
              </Text>
            </Text>
          )}
          {facts.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an entry's facts are fixed; a key may repeat (from and to of a filter).
            <Text component="div" size="xs" key={`${f.key}-${i}`}>
              <Text component="dt" fw={600} size="xs" style={{ display: 'inline' }}>
                {i18n.exists(`auditLog.detail.${f.key}`) ? t(`auditLog.detail.${f.key}`) : t('auditLog.detail.record')}:
              </Text>{' '}
              <Text component="dd" size="xs" m={0} style={{ display: 'inline' }}>
                <FactValue fact={f} />
              </Text>
            </Text>
          ))}
        </Group>
      )}
    </Paper>
  );
}
