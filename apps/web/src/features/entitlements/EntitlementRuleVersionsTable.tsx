import { Badge, Table, Title } from '@mantine/core';
import { EntitlementRuleVersions } from '@qorgau/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/http-client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';

export const ENTITLEMENT_RULES_QUERY = ['reference', 'entitlement-rules'] as const;

/** The reference admin page's list of entitlement rule versions, each with the date it applies from. */
export function EntitlementRuleVersionsTable() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const q = useQuery({ queryKey: ENTITLEMENT_RULES_QUERY, queryFn: () => http.get('/reference/entitlement-rules', EntitlementRuleVersions) });
  if (q.isError) return <ErrorAlert error={q.error} />;
  return (
    <>
      <Title order={2} size="h4">
        {t('reference.entitlements.title')}
      </Title>
      <DataTable minWidth={520} label={t('reference.entitlements.title')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reference.document')}</Table.Th>
            <Table.Th>{t('reference.version')}</Table.Th>
            <Table.Th>{t('reference.entitlements.effectiveFrom')}</Table.Th>
            <Table.Th>{t('reference.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(q.data?.items ?? []).map((v) => (
            <Table.Tr key={`${v.id}@${v.version}`} data-testid="entitlement-rules-row">
              <Table.Td>{(v.title as Record<string, string>)[lng] ?? v.title.en}</Table.Td>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{formatDate(v.effectiveFrom, lng)}</Table.Td>
              <Table.Td>
                <Badge color={v.verification === 'verified' ? 'green' : 'orange'}>{t(`screening.verification.${v.verification}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
    </>
  );
}
