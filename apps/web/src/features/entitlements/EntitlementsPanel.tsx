import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { EntitlementAction, EntitlementState, EntitlementView, PersonEntitlements } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { usePersonEntitlements } from './api.ts';
import { EntitlementActionForm } from './EntitlementActionForm.tsx';

const STATE_COLOR: Record<EntitlementState, string> = { pending: 'gray', active: 'green', lapsing: 'orange', lapsed: 'red', not_applicable: 'gray' };
const ACTION_LABEL: Record<EntitlementAction, string> = { record_medical_payer: 'entitlements.recordPayer', record_extension: 'entitlements.extend' };

function EntitlementRow({ personId, e }: { personId: string; e: EntitlementView }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [open, setOpen] = useState<EntitlementAction | null>(null);
  const end = e.end ? formatDate(e.end, lng) : e.extended ? t('entitlements.untilFinal') : t('entitlements.openEnded');
  const left =
    e.daysLeft === null ? null : e.daysLeft >= 0 ? t('entitlements.daysLeft', { count: e.daysLeft }) : t('entitlements.lapsedDays', { count: -e.daysLeft });
  return (
    <Paper withBorder p="sm" data-testid={`entitlement-${e.kind}`} data-state={e.state}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {t(`entitlementKind.${e.kind}`)}
          </Text>
          <Group gap={4} wrap="wrap">
            {e.extended && (
              <Badge variant="light" color="blue" style={{ textTransform: 'none' }}>
                {t('entitlements.extended')}
              </Badge>
            )}
            <Badge color={STATE_COLOR[e.state]} style={{ textTransform: 'none' }} data-testid="entitlement-state">
              {t(`entitlementState.${e.state}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`entitlements.explain.${e.kind}`)}
        </Text>
        {e.state === 'pending' ? (
          <Text size="sm">{t('entitlements.pendingHelp')}</Text>
        ) : (
          <Group wrap="wrap" style={{ columnGap: 16, rowGap: 0 }}>
            <Text size="sm">
              {t('entitlements.start')}: {formatDate(e.start, lng)}
            </Text>
            <Text size="sm" fw={e.end ? 600 : undefined}>
              {t('entitlements.end')}: <span data-testid="entitlement-end">{end}</span>
            </Text>
            {left && (
              <Text size="sm" c={e.state === 'lapsing' || e.state === 'lapsed' ? STATE_COLOR[e.state] : 'dimmed'} data-testid="entitlement-days-left">
                {left}
              </Text>
            )}
          </Group>
        )}
        <Group gap={4} wrap="wrap">
          <Badge variant="outline" color={e.free ? 'teal' : 'orange'} style={{ textTransform: 'none' }}>
            {e.free ? t('entitlements.free') : t('entitlements.notFree')}
          </Badge>
          {e.payerRequired && (
            <Badge variant="light" color={e.paidBy ? 'gray' : 'orange'} style={{ textTransform: 'none' }} data-testid="entitlement-paid-by">
              {e.paidBy ? t('entitlements.paidBy', { payer: t(`medicalPayer.${e.paidBy}`) }) : t('entitlements.payerMissing')}
            </Badge>
          )}
          {e.workPermitted && (
            <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
              {t('entitlements.workPermitted')}
            </Badge>
          )}
        </Group>
        {!open && e.allowedActions.length > 0 && (
          <Group gap="xs">
            {e.allowedActions.map((a) => (
              <Button key={a} size="xs" variant="light" onClick={() => setOpen(a)} data-testid={`entitlement-action-${a}`}>
                {t(ACTION_LABEL[a])}
              </Button>
            ))}
          </Group>
        )}
        {open && <EntitlementActionForm personId={personId} item={e} action={open} onDone={() => setOpen(null)} />}
      </Stack>
    </Paper>
  );
}

/** An open-ended entitlement with nothing to record: one line for its name and state, one for its terms. */
function CompactRow({ e }: { e: EntitlementView }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const terms =
    e.state === 'pending' ? [t('entitlements.pendingHelp')] : [`${t('entitlements.start')}: ${formatDate(e.start, lng)}`, t('entitlements.openEnded')];
  terms.push(e.free ? t('entitlements.free') : t('entitlements.notFree'));
  return (
    <div data-testid={`entitlement-${e.kind}`} data-state={e.state}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {t(`entitlementKind.${e.kind}`)}
        </Text>
        <Badge size="sm" color={STATE_COLOR[e.state]} style={{ textTransform: 'none', flexShrink: 0 }} data-testid="entitlement-state">
          {t(`entitlementState.${e.state}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {terms.join(' · ')}
      </Text>
    </div>
  );
}

/** Clocks first (lapsed, lapsing, then by end date), then what has something to record, then the rest. */
const isDetailed = (e: EntitlementView) => e.end !== null || e.extended || e.payerRequired || e.workPermitted || e.allowedActions.length > 0;
const RANK: Record<EntitlementState, number> = { lapsed: 0, lapsing: 1, active: 2, pending: 3, not_applicable: 4 };
const byUrgency = (a: EntitlementView, b: EntitlementView) => RANK[a.state] - RANK[b.state] || (a.end ?? '9999').localeCompare(b.end ?? '9999');

/** The legal basis of what is shown: each article once, in the reader's language, with the rules' version. */
function Basis({ data }: { data: PersonEntitlements }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const articles = new Map<string, string>();
  for (const e of data.items)
    if (e.basis && e.state !== 'not_applicable') articles.set(e.basis.articleKey, (e.basis.article as Record<string, string>)[lng] ?? e.basis.article.en);
  if (!articles.size) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed">
        {t('entitlements.basis', { version: data.rulesVersion })}
      </Text>
      {[...articles.entries()].map(([key, text]) => (
        <Text key={key} size="xs" c="dimmed">
          {text}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * A person's entitlements (DOMAIN.md §2.4) on the person and the case page: each with its state,
 * start, end date and days left, whether it is free and who pays; the actions the server allows.
 */
export function EntitlementsPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const q = usePersonEntitlements(personId, can('entitlement.read'));
  if (!can('entitlement.read')) return null;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const data = q.data;
  // Nothing to show before any case opens (no date from which entitlements could count).
  if (!data?.relevantDate) return null;
  const items = data.items.filter((e) => e.state !== 'not_applicable');
  return (
    <Paper withBorder p="md" data-testid="entitlements-panel">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h3">
            {t('entitlements.title')}
          </Title>
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
            {data.citizen ? t('entitlements.citizen') : t('entitlements.foreign')}
          </Badge>
        </Group>
        {items.length === 0 ? (
          <Text c="dimmed">{t('entitlements.none')}</Text>
        ) : (
          <>
            <Text size="sm">{t('entitlements.notConditional')}</Text>
            {items
              .filter(isDetailed)
              .sort(byUrgency)
              .map((e) => (
                <EntitlementRow key={e.kind} personId={personId} e={e} />
              ))}
            {items.some((e) => !isDetailed(e)) && (
              <Paper withBorder p="sm">
                <Stack gap="xs">
                  {items
                    .filter((e) => !isDetailed(e))
                    .map((e) => (
                      <CompactRow key={e.kind} e={e} />
                    ))}
                </Stack>
              </Paper>
            )}
            <Basis data={data} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
