import { Badge, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { LEGAL_SERVICES, type LegalAidAssignmentView } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { agencyName, formatDate, kazakhstanToday } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatHours, useEndAssignment, useRecordLegalService } from './legal-aid-api.ts';

/** One assignment: the lawyer, funding, services and totals; ending it and recording a service as `allowedActions` permit. */
export function LegalAidAssignmentCard({ personId, a }: { personId: string; a: LegalAidAssignmentView }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Paper withBorder p="sm" data-testid="legal-aid-assignment" data-open={a.endedOn === null}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="legal-aid-lawyer">
              <UserText>{a.lawyer.name}</UserText>
            </Text>
            <Text size="xs" c="dimmed">
              <UserText>{agencyName(a.lawyer.agencyName, lng)}</UserText>
            </Text>
          </Stack>
          <Group gap="xs">
            <Badge variant="light" style={{ textTransform: 'none' }} data-testid="legal-aid-funding">
              {t(`legalAid.funding.${a.funding}`)}
            </Badge>
            <Badge variant="light" color={a.endedOn === null ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
              {a.endedOn === null ? t('legalAid.open') : t('legalAid.ended', { date: formatDate(a.endedOn, lng) })}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {t('legalAid.since', { date: formatDate(a.assignedOn, lng) })}
          {a.criminalCase ? ` · ${t('legalAid.criminalCase', { number: a.criminalCase.erdrNumber })}` : ''}
        </Text>
        {a.services.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('legalAid.noServices')}
          </Text>
        ) : (
          <DataTable minWidth={420} label={t('legalAid.services')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('legalAid.fields.deliveredOn')}</Table.Th>
                <Table.Th>{t('legalAid.fields.service')}</Table.Th>
                <Table.Th>{t('legalAid.fields.hours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.services.map((s) => (
                <Table.Tr key={s.id} data-testid="legal-service-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(s.deliveredOn, lng)}</Table.Td>
                  <Table.Td>
                    {t(`legalAid.service.${s.service}`)}
                    {s.note && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        <UserText>{s.note}</UserText>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s.hours === null ? '—' : formatHours(s.hours, lng)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
        <Text size="sm" data-testid="legal-aid-totals">
          {t('legalAid.totals', { services: a.totals.services, hours: formatHours(a.totals.hours, lng) })}
        </Text>
        {a.allowedActions.includes('record_legal_service') && <ServiceForm personId={personId} a={a} />}
        {a.allowedActions.includes('end_assignment') && <EndForm personId={personId} a={a} />}
      </Stack>
    </Paper>
  );
}

function ServiceForm({ personId, a }: { personId: string; a: LegalAidAssignmentView }) {
  const { t } = useTranslation();
  const save = useRecordLegalService(personId, a.id);
  const [deliveredOn, setDeliveredOn] = useState(kazakhstanToday());
  const [service, setService] = useState<string>('consultation');
  const [hours, setHours] = useState<number | string>('');
  const [note, setNote] = useState('');
  const errors = fieldErrors(save.error);
  return (
    <form
      data-testid="legal-service-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { deliveredOn, service, ...(hours === '' ? {} : { hours: Number(hours) }), ...(note.trim() ? { note } : {}) },
          {
            onSuccess: () => {
              setHours('');
              setNote('');
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Text fw={600}>{t('legalAid.recordService')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <DateField
            label={t('legalAid.fields.deliveredOn')}
            value={deliveredOn}
            onChange={setDeliveredOn}
            error={errors.deliveredOn}
            data-testid="legal-service-date"
          />
          <NativeSelect
            label={t('legalAid.fields.service')}
            value={service}
            onChange={(e) => setService(e.currentTarget.value)}
            data={LEGAL_SERVICES.map((v) => ({ value: v, label: t(`legalAid.service.${v}`) }))}
            error={errors.service}
            data-testid="legal-service-kind"
          />
          <NumberInput
            label={t('legalAid.fields.hours')}
            value={hours}
            onChange={setHours}
            error={errors.hours}
            min={0}
            max={24}
            step={0.25}
            decimalScale={2}
            data-testid="legal-service-hours"
          />
        </SimpleGrid>
        <Textarea label={t('legalAid.fields.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} autosize minRows={2} />
        {save.error && !Object.keys(errors).length ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="save-legal-service">
            {t('legalAid.saveService')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndForm({ personId, a }: { personId: string; a: LegalAidAssignmentView }) {
  const { t } = useTranslation();
  const end = useEndAssignment(personId, a.id);
  const [endedOn, setEndedOn] = useState(kazakhstanToday());
  const errors = fieldErrors(end.error);
  return (
    <form
      data-testid="legal-aid-end-form"
      onSubmit={(e) => {
        e.preventDefault();
        end.mutate(endedOn);
      }}
    >
      <Group align="flex-end" wrap="wrap" gap="xs">
        <DateField label={t('legalAid.fields.endedOn')} value={endedOn} onChange={setEndedOn} error={errors.endedOn} data-testid="legal-aid-end-date" />
        <Button type="submit" variant="default" color="red" loading={end.isPending} data-testid="end-legal-aid">
          {t('legalAid.end')}
        </Button>
      </Group>
      {end.error && !Object.keys(errors).length ? <ErrorAlert error={end.error} /> : null}
    </form>
  );
}
