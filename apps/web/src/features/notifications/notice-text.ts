import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../components/format.ts';
import type { Language } from '../../i18n/setup.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/**
 * Facts as the reader reads them: dates in her language and in Kazakhstan time, a role by its
 * name. Facts never hold a person's name (server contract), so nothing here needs isolating.
 */
export function readableFacts(t: TFunction, facts: Record<string, string | number>, lng: Language): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (typeof v === 'string' && DATE.test(v)) out[k] = formatDate(v, lng);
    else if (typeof v === 'string' && DATE_TIME.test(v)) out[k] = formatDateTime(v, lng);
    else if (k === 'role' && typeof v === 'string') out[k] = t(`roles.${v}`);
    else if (k === 'entitlement' && typeof v === 'string') out[k] = t(`entitlementKind.${v}`);
    else out[k] = v;
  }
  return out;
}

/** A notice's sentence (`notifications.kind.<kind>`); a kind this build does not know still reads as a sentence. */
export function noticeSentence(t: TFunction, n: { kind: string; facts: Record<string, string | number> }, lng: Language): string {
  return t(`notifications.kind.${n.kind}`, { ...readableFacts(t, n.facts, lng), defaultValue: t('notifications.unknownKind') });
}
