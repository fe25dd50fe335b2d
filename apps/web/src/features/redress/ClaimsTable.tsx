import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { CivilClaimView, PersonRedress } from '@qorgau/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDate } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatTenge } from '../protection/api.ts';
import { ClaimAwardForm, ClaimPaymentForm } from './ClaimForms.tsx';

type Open = { claimId: string; form: 'award' | 'payment' } | null;

/** The claims with what was claimed, awarded and paid (and by whom), and their totals in tenge. */
export function ClaimsTable({ data }: { data: PersonRedress }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [open, setOpen] = useState<Open>(null);
  const mayAward = data.allowedActions.includes('record_award');
  const mayPay = data.allowedActions.includes('record_payment');
  const form = (c: CivilClaimView) =>
    open?.claimId !== c.id ? null : open.form === 'award' ? (
      <ClaimAwardForm personId={data.personId} claim={c} onDone={() => setOpen(null)} />
    ) : (
      <ClaimPaymentForm personId={data.personId} claim={c} onDone={() => setOpen(null)} />
    );
  if (data.claims.length === 0) return <Text c="dimmed">{t('redress.noClaims')}</Text>;
  return (
    <Stack gap="xs">
      <DataTable minWidth={560} label={t('redress.claims')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('redress.col.filed')}</Table.Th>
            <Table.Th>{t('redress.col.claim')}</Table.Th>
            <Table.Th>{t('redress.col.claimed')}</Table.Th>
            <Table.Th>{t('redress.col.awarded')}</Table.Th>
            <Table.Th>{t('redress.col.paid')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.claims.map((c) => (
            <Fragment key={c.id}>
              <Table.Tr data-testid="claim-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.filedOn, lng)}</Table.Td>
                <Table.Td>
                  {t(`redress.modes.${c.mode}`)}
                  {c.criminalCase && (
                    <Text size="xs" c="dimmed">
                      {t('redress.criminalCaseNumber', { erdr: c.criminalCase.erdrNumber })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTenge(c.claimedTenge, lng)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="claim-awarded">
                  {c.awardedTenge === null ? (
                    <Text size="sm" c="dimmed">
                      {t('redress.notAwarded')}
                    </Text>
                  ) : (
                    <>
                      {formatTenge(c.awardedTenge, lng)}
                      <Text size="xs" c="dimmed">
                        {formatDate(c.awardedOn, lng)}
                      </Text>
                    </>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="claim-paid">
                  {formatTenge(c.paidTenge, lng)}
                </Table.Td>
              </Table.Tr>
              {(c.payments.length > 0 || mayAward || (mayPay && c.awardedTenge !== null)) && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Stack gap={4}>
                      {c.payments.map((p) => (
                        <Group key={p.id} gap="xs" wrap="wrap" data-testid="payment-row">
                          <Text size="xs">
                            {formatDate(p.paidOn, lng)} · {formatTenge(p.amountTenge, lng)} · {t(`redress.sources.${p.source}`)}
                          </Text>
                          {p.overAward && (
                            <Badge size="xs" color="orange" variant="light" style={{ textTransform: 'none' }}>
                              {t('redress.overAward')}
                            </Badge>
                          )}
                        </Group>
                      ))}
                      {!open && (
                        <Group gap="xs">
                          {mayAward && (
                            <Button size="xs" variant="light" onClick={() => setOpen({ claimId: c.id, form: 'award' })} data-testid="claim-award">
                              {t('redress.recordAward')}
                            </Button>
                          )}
                          {mayPay && c.awardedTenge !== null && (
                            <Button size="xs" variant="light" onClick={() => setOpen({ claimId: c.id, form: 'payment' })} data-testid="claim-payment">
                              {t('redress.recordPayment')}
                            </Button>
                          )}
                        </Group>
                      )}
                      {form(c)}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>{t('redress.total')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }} data-testid="total-claimed">
              {formatTenge(data.totals.claimed, lng)}
            </Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }} data-testid="total-awarded">
              {formatTenge(data.totals.awarded, lng)}
            </Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }} data-testid="total-paid">
              {formatTenge(data.totals.paid, lng)}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </DataTable>
    </Stack>
  );
}
