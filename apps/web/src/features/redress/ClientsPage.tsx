import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useClients } from './legal-aid-api.ts';

/** A lawyer's clients (issue #11 item 6): the victims of her open legal-aid assignments, and their criminal cases. */
export function ClientsPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const q = useClients();
  return (
    <Stack>
      <Title order={1}>{t('legalAid.clients.title')}</Title>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="clients-empty">
          {t('legalAid.clients.empty')}
        </Text>
      ) : (
        <DataTable minWidth={560} label={t('legalAid.clients.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('legalAid.clients.client')}</Table.Th>
              <Table.Th>{t('legalAid.fields.funding')}</Table.Th>
              <Table.Th>{t('legalAid.clients.lastService')}</Table.Th>
              <Table.Th>{t('legalAid.clients.criminalCases')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.items.map((c) => (
              <Table.Tr key={c.assignmentId} data-testid="client-row">
                <Table.Td>
                  <Anchor component={Link} href={`/persons/${c.personId}`} fw={600} data-testid="client-link">
                    <UserText>{c.name}</UserText>
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    <UserText>{c.pseudonym}</UserText> · {t('legalAid.since', { date: formatDate(c.assignedOn, lng) })}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`legalAid.funding.${c.funding}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.lastServiceOn ? formatDate(c.lastServiceOn, lng) : t('legalAid.clients.noService')}</Table.Td>
                <Table.Td>
                  {c.criminalCases.length === 0 ? (
                    '—'
                  ) : (
                    <Stack gap={2}>
                      {c.criminalCases.map((k) => (
                        <Group key={k.id} gap={4} wrap="nowrap">
                          <Anchor component={Link} href={`/criminal-cases/${k.id}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {k.erdrNumber}
                          </Anchor>
                          <Badge size="xs" variant="light" style={{ textTransform: 'none' }}>
                            {t(`justice.stage.${k.stage}`)}
                          </Badge>
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
    </Stack>
  );
}
