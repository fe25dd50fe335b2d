import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { LAWYER_FUNDING } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http-client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { agencyName, kazakhstanToday } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { LegalAidAssignmentCard } from './LegalAidAssignmentCard.tsx';
import { formatHours, useAssignLawyer, useLawyers, useLegalAid } from './legal-aid-api.ts';
import { isolate } from '../../components/UserText.tsx';

/**
 * The person page's legal aid (issue #11 item 5): her lawyers (state-funded or pro bono), the
 * services delivered and their totals; assigning a lawyer, ending an assignment and recording a
 * service as the server's `allowedActions` permit. Hidden without `redress.read`.
 */
export function LegalAidPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const readable = can('redress.read');
  const q = useLegalAid(personId, readable);
  if (!readable) return null;
  // Not found: the person is readable but her redress is not in this reader's scope; nothing to show.
  if (!q.data) return q.isError && !(isApiError(q.error) && q.error.status === 404) ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null;
  const d = q.data;
  const mayAssign = d.allowedActions.includes('assign_lawyer');
  if (d.assignments.length === 0 && !mayAssign) return null;
  return (
    <Paper withBorder p="md" data-testid="legal-aid-panel">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('legalAid.title')}
        </Title>
        {d.assignments.length === 0 ? (
          <Text c="dimmed">{t('legalAid.none')}</Text>
        ) : (
          d.assignments.map((a) => <LegalAidAssignmentCard key={a.id} personId={personId} a={a} />)
        )}
        {d.assignments.length > 1 && (
          <Text size="sm" fw={600} data-testid="legal-aid-grand-total">
            {t('legalAid.totals', { services: d.totals.services, hours: formatHours(d.totals.hours, lng) })}
          </Text>
        )}
        {mayAssign && <AssignForm personId={personId} />}
      </Stack>
    </Paper>
  );
}

function AssignForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const lawyers = useLawyers(true);
  const assign = useAssignLawyer(personId);
  const [lawyerId, setLawyerId] = useState('');
  const [funding, setFunding] = useState<string>('pro_bono');
  const [assignedOn, setAssignedOn] = useState(kazakhstanToday());
  const errors = fieldErrors(assign.error);
  const options = (lawyers.data?.items ?? []).map((l) => ({ value: l.id, label: `${isolate(l.name)} · ${isolate(agencyName(l.agencyName, lng))}` }));
  return (
    <form
      data-testid="legal-aid-assign-form"
      onSubmit={(e) => {
        e.preventDefault();
        assign.mutate({ lawyerId, funding, assignedOn }, { onSuccess: () => setLawyerId('') });
      }}
    >
      <Stack gap="xs">
        <Text fw={600}>{t('legalAid.assign')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('legalAid.fields.lawyer')}
            value={lawyerId}
            onChange={(e) => setLawyerId(e.currentTarget.value)}
            data={[{ value: '', label: lawyers.isPending ? t('legalAid.loadingLawyers') : t('legalAid.chooseLawyer') }, ...options]}
            error={errors.lawyerId}
            data-testid="legal-aid-lawyer-select"
          />
          <NativeSelect
            label={t('legalAid.fields.funding')}
            value={funding}
            onChange={(e) => setFunding(e.currentTarget.value)}
            data={LAWYER_FUNDING.map((f) => ({ value: f, label: t(`legalAid.funding.${f}`) }))}
            error={errors.funding}
            data-testid="legal-aid-funding-select"
          />
          <DateField
            label={t('legalAid.fields.assignedOn')}
            value={assignedOn}
            onChange={setAssignedOn}
            error={errors.assignedOn}
            data-testid="legal-aid-assigned-on"
          />
        </SimpleGrid>
        <ErrorAlert error={lawyers.error} />
        {assign.error && !Object.keys(errors).length ? <ErrorAlert error={assign.error} /> : null}
        <Group>
          <Button type="submit" disabled={!lawyerId} loading={assign.isPending} data-testid="assign-lawyer">
            {t('legalAid.assignButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
