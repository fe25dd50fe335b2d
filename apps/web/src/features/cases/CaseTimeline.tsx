import { Text, Timeline } from '@mantine/core';
import type { Case } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { agencyName, formatDate, formatDateTime, kazakhstanToday } from '../../components/format.ts';
import { useCountryName } from '../../components/use-country-name.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import type { DirectoryAgency } from './api.ts';
import { FINDING_FIELDS } from './IdentificationFindings.tsx';
import { UserText, isolate } from '../../components/UserText.tsx';

type ActionView = Case['actions'][number];

function Details({ action, agencies }: { action: ActionView; agencies: DirectoryAgency[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const countryName = useCountryName();
  const d = action.details;
  const lines: string[] = [];
  // Entered late (issue #13 item 7): the day it happened, beside the day it was recorded (the entry's time above).
  if (typeof d.occurredOn === 'string' && d.occurredOn !== kazakhstanToday(new Date(action.at)))
    lines.push(t('cases.action.happenedOn', { date: formatDate(d.occurredOn, lng), recorded: formatDate(kazakhstanToday(new Date(action.at)), lng) }));
  if (d.outcome) lines.push(`${t('cases.action.outcome')}: ${t(`traffickingStatus.${d.outcome}`, { defaultValue: d.outcome })}`);
  if (d.decidedBy) lines.push(`${t('cases.action.decidedBy')}: ${t(`decisionOrg.${d.decidedBy}`, { defaultValue: d.decidedBy })}`);
  if (d.kind) lines.push(`${t('cases.action.reviewKind')}: ${t(`reviewKind.${d.kind}`, { defaultValue: String(d.kind) })}`);
  if (d.decision) lines.push(`${t('cases.action.nonPunishmentDecision')}: ${t(`nonPunishmentDecision.${d.decision}`, { defaultValue: String(d.decision) })}`);
  if (d.toAgencyId) {
    const found = agencies.find((a) => a.id === d.toAgencyId);
    const name = found ? agencyName(found.name, lng) : (d.toAgencyName ?? d.toAgencyId);
    lines.push(`${t('cases.action.toAgency')}: ${isolate(String(name))}`);
  }
  if (action.type === 'identification_decided') {
    for (const { key, labels } of FINDING_FIELDS) {
      const raw = d[key];
      const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (values.length === 0) continue;
      const names = values.map((v) => (labels ? t(`${labels}.${v}`, { defaultValue: v }) : countryName(v)));
      lines.push(`${t(`cases.findings.${key}`)}: ${names.join(', ')}`);
    }
  }
  return (
    <>
      {lines.map((l) => (
        <Text key={l} size="sm">
          {l}
        </Text>
      ))}
    </>
  );
}

/** The case log, oldest first, as recorded: nothing in it is ever edited. */
export function CaseTimeline({ actions, agencies }: { actions: Case['actions']; agencies: DirectoryAgency[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const sorted = [...actions].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      active={sorted.length - 1}
      bulletSize={16}
      lineWidth={2}
      component="ol"
      aria-label={t('cases.page.history')}
      style={{ listStyle: 'none', margin: 0, paddingInlineStart: 0 }}
    >
      {sorted.map((a) => (
        <Timeline.Item key={a.seq} component="li" data-testid="case-action" title={t(`caseAction.${a.type}`, { defaultValue: a.type })}>
          <Text size="xs" c="dimmed">
            {formatDateTime(a.at, lng)} · <UserText>{a.actorName}</UserText> · <UserText>{agencyName(a.agencyName, lng)}</UserText>
          </Text>
          <Details action={a} agencies={agencies} />
          {a.text !== null && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              <UserText testId="case-action-shown-text">{a.text}</UserText>
            </Text>
          )}
          {a.text === null && a.hasText && (
            <Text size="sm" mt={4} c="dimmed" fs="italic">
              {t('cases.page.textHidden')}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
