import { Alert, Badge, Button, FileInput, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ScreeningReference } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { anyResponse, http } from '../../api/http-client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { ENTITLEMENT_RULES_QUERY, EntitlementRuleVersionsTable } from '../entitlements/EntitlementRuleVersionsTable.tsx';

type Kind = 'indicator_list' | 'rules' | 'entitlement_rules';
interface Doc {
  kind: Kind;
  id: string;
  version: string;
  verification: 'verified' | 'provisional';
}

/**
 * The national administrator's page for screening reference data (DOMAIN.md §3): which list
 * and rule versions are in force, marking a version verified, uploading a new version.
 */
export function ReferenceAdminPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const client = useQueryClient();
  const reference = useQuery({ queryKey: ['reference', 'indicators'], queryFn: () => http.get('/reference/indicators', ScreeningReference) });
  const onSuccess = (data: ScreeningReference) => client.setQueryData(['reference', 'indicators'], data);
  const verify = useMutation({ mutationFn: (d: Doc) => http.post('/reference/verification', ScreeningReference, d), onSuccess });
  const [kind, setKind] = useState<Kind>('indicator_list');
  const [file, setFile] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const upload = useMutation({
    mutationFn: async () => {
      let body: unknown;
      try {
        body = JSON.parse(await (file as File).text());
      } catch {
        setUnreadable(true);
        throw new Error('unreadable');
      }
      // Entitlement rules are another uploadable kind (issue #10): their own list below.
      if (kind === 'entitlement_rules') {
        await http.post('/reference/entitlement-rules', anyResponse, body);
        await client.invalidateQueries({ queryKey: ENTITLEMENT_RULES_QUERY });
        return http.get('/reference/indicators', ScreeningReference);
      }
      return http.post(kind === 'rules' ? '/reference/rules' : '/reference/indicator-lists', ScreeningReference, body);
    },
    onSuccess: (data) => {
      onSuccess(data);
      setFile(null);
    },
  });
  const docs: Doc[] = reference.data
    ? [
        ...reference.data.lists.map((l) => ({ kind: 'indicator_list' as const, id: l.id, version: l.version, verification: l.verification })),
        { kind: 'rules', id: reference.data.rules.id, version: reference.data.rules.version, verification: reference.data.rules.verification },
      ]
    : [];
  // A document by its title in the reader's language (English when the file has none), not its id.
  const titleOf = (d: Doc) => {
    const source = d.kind === 'rules' ? reference.data?.rules : reference.data?.lists.find((l) => l.id === d.id);
    return source ? (source.title[lng] ?? source.title.en) : d.id;
  };
  return (
    <Stack maw={900}>
      <Title order={1}>{t('reference.title')}</Title>
      <Text c="dimmed">{t('reference.help')}</Text>
      <ErrorAlert error={reference.error ?? verify.error} />
      <DataTable minWidth={600} label={t('reference.title')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reference.document')}</Table.Th>
            <Table.Th>{t('reference.version')}</Table.Th>
            <Table.Th>{t('reference.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {docs.map((d) => (
            <Table.Tr key={`${d.kind}:${d.id}`} data-testid="reference-row">
              <Table.Td>{titleOf(d)}</Table.Td>
              <Table.Td>{d.version}</Table.Td>
              <Table.Td>
                <Badge color={d.verification === 'verified' ? 'green' : 'orange'}>{t(`screening.verification.${d.verification}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  data-testid={`reference-toggle-${d.id}`}
                  loading={verify.isPending}
                  onClick={() => verify.mutate({ ...d, verification: d.verification === 'verified' ? 'provisional' : 'verified' })}
                >
                  {d.verification === 'verified' ? t('reference.markProvisional') : t('reference.markVerified')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
      <EntitlementRuleVersionsTable />
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            {t('reference.upload.title')}
          </Title>
          {unreadable && <Alert color="red">{t('reference.upload.unreadable')}</Alert>}
          <ErrorAlert error={unreadable ? null : upload.error} />
          <NativeSelect
            label={t('reference.upload.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as Kind)}
            data={[
              { value: 'indicator_list', label: t('reference.upload.list') },
              { value: 'rules', label: t('reference.upload.rules') },
              { value: 'entitlement_rules', label: t('reference.upload.entitlementRules') },
            ]}
          />
          <FileInput
            label={t('reference.upload.file')}
            accept="application/json,.json"
            value={file}
            onChange={(f) => {
              setFile(f);
              setUnreadable(false);
            }}
            data-testid="reference-file"
          />
          <Group>
            <Button disabled={!file} loading={upload.isPending} onClick={() => upload.mutate()} data-testid="reference-upload">
              {t('reference.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
