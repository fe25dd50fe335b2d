import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { PAID_BY, PROVIDER_SERVICES, SERVICE_UNITS, type ProtectionCase } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { agencyName, formatDate, kazakhstanToday } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatTenge, useProtectionAction } from './api.ts';
import { Section } from './protection-bits.tsx';

/** Services delivered, with their cost in tenge and who paid (DOMAIN.md §2.4, §6), and the form to record one. */
export function ServicesSection({ pc }: { pc: ProtectionCase }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const save = useProtectionAction(pc.id, 'services');
  const [date, setDate] = useState(kazakhstanToday());
  const [service, setService] = useState<string>('medical');
  const [quantity, setQuantity] = useState<number | string>(1);
  const [unit, setUnit] = useState<string>('session');
  const [cost, setCost] = useState<number | string>(0);
  const [paidBy, setPaidBy] = useState<string>('state_budget');
  const errors = fieldErrors(save.error);
  const may = pc.allowedActions.includes('record_service');
  return (
    <Section title={t('protection.services.title')} testId="protection-services">
      {pc.services.length === 0 ? (
        <Text c="dimmed">{t('protection.services.none')}</Text>
      ) : (
        <DataTable minWidth={560} label={t('protection.services.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('protection.services.date')}</Table.Th>
              <Table.Th>{t('protection.services.service')}</Table.Th>
              <Table.Th>{t('protection.services.quantity')}</Table.Th>
              <Table.Th>{t('protection.services.cost')}</Table.Th>
              <Table.Th>{t('protection.services.paidBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pc.services.map((s) => (
              <Table.Tr key={s.id} data-testid="service-row">
                <Table.Td>{formatDate(s.date, lng)}</Table.Td>
                <Table.Td>
                  {t(`providerService.${s.service}`)}
                  <Text size="xs" c="dimmed">
                    <UserText>{agencyName(s.provider.name, lng)}</UserText>
                  </Text>
                </Table.Td>
                <Table.Td>{`${s.quantity} ${t(`serviceUnit.${s.unit}`)}`}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTenge(s.costTenge, lng)}</Table.Td>
                <Table.Td>{t(`paidBy.${s.paidBy}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>{t('protection.services.total')}</Table.Th>
              <Table.Th data-testid="services-total" style={{ whiteSpace: 'nowrap' }}>
                {formatTenge(pc.totalCostTenge, lng)}
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Tfoot>
        </DataTable>
      )}
      {may && (
        <form
          data-testid="service-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ date, providerId: pc.provider.id, service, quantity: Number(quantity), unit, costTenge: Number(cost), paidBy });
          }}
        >
          <Stack gap="xs">
            <Text fw={600}>{t('protection.services.record')}</Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
              <DateField label={t('protection.services.date')} value={date} onChange={setDate} error={errors.date} data-testid="service-date" />
              <NativeSelect
                label={t('protection.services.service')}
                value={service}
                onChange={(e) => setService(e.currentTarget.value)}
                data={PROVIDER_SERVICES.map((v) => ({ value: v, label: t(`providerService.${v}`) }))}
                error={errors.service}
                data-testid="service-kind"
              />
              <Group grow wrap="nowrap" align="flex-start">
                <NumberInput label={t('protection.services.quantity')} value={quantity} onChange={setQuantity} error={errors.quantity} min={0} miw={80} />
                <NativeSelect
                  label={t('protection.services.unit')}
                  value={unit}
                  onChange={(e) => setUnit(e.currentTarget.value)}
                  data={SERVICE_UNITS.map((v) => ({ value: v, label: t(`serviceUnit.${v}`) }))}
                  miw={100}
                />
              </Group>
              <NumberInput
                label={t('protection.services.costTenge')}
                value={cost}
                onChange={setCost}
                error={errors.costTenge}
                allowDecimal={false}
                thousandSeparator=" "
                data-testid="service-cost"
              />
              <NativeSelect
                label={t('protection.services.paidBy')}
                value={paidBy}
                onChange={(e) => setPaidBy(e.currentTarget.value)}
                data={PAID_BY.map((v) => ({ value: v, label: t(`paidBy.${v}`) }))}
              />
            </SimpleGrid>
            {save.error && !Object.keys(errors).length ? <ErrorAlert error={save.error} /> : null}
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="save-service">
                {t('protection.services.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
