import { Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { DefendantView } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useCountryName } from '../../components/use-country-name.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCurrentUser } from '../auth/current-user.tsx';
import { formatTenge } from '../protection/api.ts';
import { DefendantAddForm, DefendantChargeForm, DefendantEditForm, DefendantOutcomeForm } from './DefendantForms.tsx';
import { useDefendants } from './defendants-api.ts';

type Open = { form: 'update_defendant' | 'charge' | 'record_outcome'; id: string } | null;

/** "Серік Ахметов", or "Defendant 2" for a reader who may not see suspects' names. */
function useLabel() {
  const { t } = useTranslation();
  return (d: DefendantView) => d.name ?? t('justice.defendants.label', { seq: d.seq });
}

/** The sentence as one line: "Imprisonment, 96 months; fine 500 000 ₸". */
function Outcome({ d }: { d: DefendantView }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  if (!d.outcome) return <Text c="dimmed">{t('justice.defendants.noOutcome')}</Text>;
  const parts = [
    d.sentenceKind ? t(`justice.sentenceKind.${d.sentenceKind}`) : null,
    d.sentenceMonths !== null ? t('justice.defendants.months', { months: d.sentenceMonths }) : null,
    d.fineTenge !== null ? formatTenge(d.fineTenge, lng) : null,
  ].filter((p): p is string => p !== null);
  return (
    <Stack gap={0} data-testid="defendant-outcome">
      <Badge color={d.outcome === 'convicted' ? 'red' : 'gray'} variant="light">
        {t(`justice.outcome.${d.outcome}`)}
      </Badge>
      {parts.length > 0 && <Text size="sm">{parts.join(', ')}</Text>}
      <Text size="xs" c="dimmed">
        {formatDate(d.outcomeOn, lng)}
      </Text>
    </Stack>
  );
}

/** Current articles, and below them every charge with its date and reason (oldest first). */
function Charges({ d }: { d: DefendantView }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Stack gap={2} data-testid="defendant-charges">
      <Text fw={500}>{d.articles.join(', ')}</Text>
      {d.charges.length > 1 && (
        <List size="xs" c="dimmed" data-testid="defendant-charge-history">
          {d.charges.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only; its order is its identity.
            <List.Item key={i}>
              {t('justice.defendants.chargeLine', {
                date: formatDate(c.on, lng),
                articles: c.articles.join(', '),
                reason: t(`justice.chargeReason.${c.reason}`),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/**
 * The suspects and defendants of a criminal case (issue #11 item 1): who (a name only for
 * readers in `suspect.read_identity` scope, else "Defendant 2"), kind, status, complicity of
 * officials with their agency, charges and their reclassification, outcome and sentence. The
 * forms are offered only as the server's `canAdd` and per-defendant `allowedActions` say.
 */
export function DefendantsSection({ criminalCaseId }: { criminalCaseId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const country = useCountryName();
  const label = useLabel();
  const q = useDefendants(criminalCaseId);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const data = q.data;
  const opened = open && data?.items.find((d) => d.id === open.id);

  return (
    <Paper withBorder p="md" data-testid="defendants-section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('justice.defendants.title')}
          </Title>
          {data?.canAdd && !adding && (
            <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="defendant-add">
              {t('justice.defendants.add')}
            </Button>
          )}
        </Group>
        {q.isPending && <Loading />}
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        {data && !data.namesShown && data.items.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="defendant-names-hidden">
            {t('justice.defendants.namesHidden')}
          </Text>
        )}
        {data && data.items.length === 0 && <Text c="dimmed">{t('justice.defendants.empty')}</Text>}
        {data && data.items.length > 0 && (
          <DataTable minWidth={760} label={t('justice.defendants.title')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('justice.defendants.who')}</Table.Th>
                <Table.Th>{t('justice.defendants.status')}</Table.Th>
                <Table.Th>{t('justice.defendants.charges')}</Table.Th>
                <Table.Th>{t('justice.defendants.outcome')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((d) => (
                <Table.Tr key={d.id} data-testid="defendant-row" data-seq={d.seq}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text fw={500} data-testid="defendant-label">
                        {d.name !== null ? <UserText>{d.name}</UserText> : label(d)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`justice.defendantKind.${d.kind}`)}
                        {d.citizenship ? ` · ${country(d.citizenship)}` : ''}
                      </Text>
                      {d.official && (
                        <Badge color="orange" variant="light" data-testid="defendant-complicit">
                          {t('justice.defendants.complicit', {
                            agency: d.officialAgencyType ? t(`justice.officialAgencyType.${d.officialAgencyType}`) : '',
                          })}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{t(`justice.defendantStatus.${d.status}`)}</Table.Td>
                  <Table.Td>
                    <Charges d={d} />
                  </Table.Td>
                  <Table.Td>
                    <Outcome d={d} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      {d.allowedActions.includes('update_defendant') && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setOpen({ form: 'update_defendant', id: d.id })} data-testid="defendant-edit">
                          {t('justice.defendants.edit')}
                        </Button>
                      )}
                      {d.allowedActions.includes('charge') && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setOpen({ form: 'charge', id: d.id })} data-testid="defendant-reclassify">
                          {t('justice.defendants.reclassify')}
                        </Button>
                      )}
                      {d.allowedActions.includes('record_outcome') && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setOpen({ form: 'record_outcome', id: d.id })}
                          data-testid="defendant-record-outcome"
                        >
                          {t('justice.defendants.recordOutcome')}
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
        {opened && open && (
          <Paper withBorder p="sm" data-testid="defendant-form-panel">
            <Stack gap="xs">
              <Text fw={500}>
                {label(opened)}:{' '}
                {t(
                  open.form === 'update_defendant'
                    ? 'justice.defendants.edit'
                    : open.form === 'charge'
                      ? 'justice.defendants.reclassify'
                      : 'justice.defendants.recordOutcome',
                )}
              </Text>
              {open.form === 'update_defendant' && <DefendantEditForm key={opened.id} criminalCaseId={criminalCaseId} d={opened} onDone={close} />}
              {open.form === 'charge' && <DefendantChargeForm key={opened.id} criminalCaseId={criminalCaseId} d={opened} role={me.role} onDone={close} />}
              {open.form === 'record_outcome' && <DefendantOutcomeForm key={opened.id} criminalCaseId={criminalCaseId} d={opened} onDone={close} />}
            </Stack>
          </Paper>
        )}
        {adding && data?.canAdd && (
          <Paper withBorder p="sm">
            <DefendantAddForm criminalCaseId={criminalCaseId} onDone={() => setAdding(false)} />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
