import { Alert, Button, Checkbox, Group, List, Stack, Table, Text } from '@mantine/core';
import type { ProtectionCase } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { agencyName, formatDate, kazakhstanToday, regionName } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { ShelterFullError, useProtectionAction } from './api.ts';
import { Section } from './protection-bits.tsx';

/** A full shelter's refusal: why, and the free shelters nearby that take her (same region first). */
function Alternatives({ error }: { error: ShelterFullError }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Alert color="orange" title={error.fields[0]?.message ?? error.message} data-testid="shelter-full">
      {error.alternatives.length === 0 ? (
        <Text size="sm">{t('protection.stays.noAlternatives')}</Text>
      ) : (
        <>
          <Text size="sm">{t('protection.stays.alternatives')}</Text>
          <List size="sm" mt="xs">
            {error.alternatives.map((a) => (
              <List.Item key={a.id} data-testid="shelter-alternative">
                <UserText>{agencyName(a.name, lng)}</UserText>
                {` · ${regionName(a.regionCode, lng)} · ${t('protection.stays.free', { count: a.free })}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** Shelter stays with their bed-days (admission day counts, discharge day does not), admission and discharge. */
export function StaysSection({ pc }: { pc: ProtectionCase }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const admit = useProtectionAction(pc.id, 'stays');
  const discharge = useProtectionAction(pc.id, 'discharge');
  const [admittedOn, setAdmittedOn] = useState(kazakhstanToday());
  const [emergency, setEmergency] = useState(false);
  const [dischargedOn, setDischargedOn] = useState(kazakhstanToday());
  const admitErrors = fieldErrors(admit.error);
  const dischargeErrors = fieldErrors(discharge.error);
  const open = pc.stays.find((s) => s.dischargedOn === null);
  const mayAdmit = pc.allowedActions.includes('admit') && !open && pc.provider.kind === 'shelter';
  return (
    <Section title={t('protection.stays.title')} testId="protection-stays">
      {pc.stays.length === 0 ? (
        <Text c="dimmed">{t('protection.stays.none')}</Text>
      ) : (
        <DataTable minWidth={480} label={t('protection.stays.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('protection.stays.shelter')}</Table.Th>
              <Table.Th>{t('protection.stays.admitted')}</Table.Th>
              <Table.Th>{t('protection.stays.discharged')}</Table.Th>
              <Table.Th>{t('protection.stays.bedDays')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pc.stays.map((s) => (
              <Table.Tr key={s.id} data-testid="stay-row">
                <Table.Td>
                  <UserText>{agencyName(s.provider.name, lng)}</UserText>
                  {s.emergency && (
                    <Text size="xs" c="orange">
                      {t('protection.stays.emergency')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(s.admittedOn, lng)}</Table.Td>
                <Table.Td>{s.dischargedOn ? formatDate(s.dischargedOn, lng) : t('protection.stays.stillThere')}</Table.Td>
                <Table.Td data-testid="stay-bed-days">{s.bedDays}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>{t('protection.stays.totalBedDays')}</Table.Th>
              <Table.Th>{pc.totalBedDays}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </DataTable>
      )}
      {mayAdmit && (
        <form
          data-testid="admit-form"
          onSubmit={(e) => {
            e.preventDefault();
            admit.mutate({ providerId: pc.provider.id, admittedOn, emergency });
          }}
        >
          <Stack gap="xs">
            <Group align="flex-end" wrap="wrap">
              <DateField label={t('protection.stays.admittedOn')} value={admittedOn} onChange={setAdmittedOn} error={admitErrors.admittedOn} />
              <Checkbox label={t('protection.stays.emergency')} checked={emergency} onChange={(e) => setEmergency(e.currentTarget.checked)} mb={8} />
            </Group>
            {admit.error instanceof ShelterFullError ? (
              <Alternatives error={admit.error} />
            ) : admit.error && !admitErrors.admittedOn ? (
              <ErrorAlert error={admit.error} />
            ) : null}
            <Group>
              <Button type="submit" loading={admit.isPending} data-testid="admit">
                {t('protection.stays.admit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {open && pc.allowedActions.includes('discharge') && (
        <form
          data-testid="discharge-form"
          onSubmit={(e) => {
            e.preventDefault();
            discharge.mutate({ stayId: open.id, dischargedOn });
          }}
        >
          <Stack gap="xs">
            <DateField label={t('protection.stays.dischargedOn')} value={dischargedOn} onChange={setDischargedOn} error={dischargeErrors.dischargedOn} />
            {discharge.error && !dischargeErrors.dischargedOn ? <ErrorAlert error={discharge.error} /> : null}
            <Group>
              <Button type="submit" variant="light" loading={discharge.isPending} data-testid="discharge">
                {t('protection.stays.discharge')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
