import { Anchor, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { DeniedAttempts } from '@qorgau/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { http } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { UserText } from '../../components/UserText.tsx';

const DAYS = 14;

/** Refused attempts per user per day: who keeps asking for records their scope does not reach. */
export function DeniedAttemptsPanel() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const denied = useQuery({ queryKey: ['audit', 'denied', DAYS], queryFn: () => http.get('/audit/denied', DeniedAttempts, { days: DAYS }), staleTime: 60_000 });
  const items = denied.data?.items ?? [];
  return (
    <Stack gap="xs" data-testid="denied-attempts">
      <Title order={2} size="h4">
        {t('home.denied.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('home.denied.hint', { days: DAYS })}
      </Text>
      <ErrorAlert error={denied.error} />
      {denied.isPending ? (
        <Skeleton height={60} />
      ) : items.length === 0 ? (
        <Paper withBorder p="sm">
          <Text size="sm">{t('home.denied.empty', { days: DAYS })}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('home.denied.day')}</Table.Th>
                <Table.Th>{t('home.denied.user')}</Table.Th>
                <Table.Th ta="right">{t('home.denied.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={`${i.day}-${i.actorId}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i.day, lng)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      href={`/audit?operation=access.denied&actorId=${i.actorId}&from=${i.day}&to=${i.day}`}
                      title={t('home.denied.open')}
                    >
                      <UserText>{i.actorName ?? i.actorUsername ?? t('auditLog.unknownActor')}</UserText>
                    </Anchor>
                    {i.actorRole && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {t(`roles.${i.actorRole}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {i.count}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
