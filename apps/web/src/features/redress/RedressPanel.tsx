import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { PersonRedress } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { useLanguageName, useLanguageOptions } from '../../components/language-names.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { agencyName, formatDate, kazakhstanToday } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { ClaimFileForm } from './ClaimForms.tsx';
import { ClaimsTable } from './ClaimsTable.tsx';
import { usePersonRedress, useRedressWrite } from './redress-api.ts';

/** That the right to compensation was explained: the day, and the language the victim understands. */
function InformedForm({ data, onDone }: { data: PersonRedress; onDone: () => void }) {
  const { t } = useTranslation();
  const _lng = useLanguage();
  const _languageName = useLanguageName();
  const write = useRedressWrite(data.personId);
  const [informedOn, setInformedOn] = useState(kazakhstanToday());
  const [language, setLanguage] = useState('');
  const [criminalCaseId, setCriminalCaseId] = useState('');
  const errors = fieldErrors(write.error);
  const options = useLanguageOptions();
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      data-testid="informed-form"
      onSubmit={(e) => {
        e.preventDefault();
        write.mutate({ kind: 'informed', body: { informedOn, language, ...(criminalCaseId ? { criminalCaseId } : {}) } }, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        <DateField
          label={t('redress.informedOn')}
          value={informedOn}
          onChange={setInformedOn}
          error={errors.informedOn}
          withAsterisk
          data-testid="informed-on"
        />
        <NativeSelect
          label={t('redress.language')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value)}
          data={[{ value: '', label: '—' }, ...options]}
          error={errors.language}
          withAsterisk
          data-testid="informed-language"
        />
        {data.criminalCases.length > 0 && (
          <NativeSelect
            label={t('redress.criminalCase')}
            value={criminalCaseId}
            onChange={(e) => setCriminalCaseId(e.currentTarget.value)}
            data={[
              { value: '', label: t('redress.noCriminalCase') },
              ...data.criminalCases.map((c) => ({ value: c.id, label: t('redress.criminalCaseNumber', { erdr: c.erdrNumber }) })),
            ]}
            error={errors.criminalCaseId}
            data-testid="informed-criminal-case"
          />
        )}
        <ErrorAlert error={Object.keys(errors).length ? null : write.error} />
        <FormActions pending={write.isPending} testId="informed-save" onCancel={onDone} />
      </Stack>
    </Paper>
  );
}

/**
 * Compensation on the person page (DOMAIN.md §2.6; issue #11 item 5): a reminder until the right
 * is recorded as explained, who explained it and in which language, the civil claims with what
 * was claimed, awarded and paid in tenge, and the forms the server allows (allowedActions).
 */
export function RedressPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const languageName = useLanguageName();
  const q = usePersonRedress(personId, can('redress.read'));
  const [open, setOpen] = useState<'informed' | 'claim' | null>(null);
  if (!can('redress.read')) return null;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const data = q.data;
  if (!data) return null;
  const may = (a: PersonRedress['allowedActions'][number]) => data.allowedActions.includes(a);
  return (
    <Paper withBorder p="md" data-testid="redress-panel">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('redress.title')}
        </Title>
        {data.reminder && (
          <Alert color="orange" variant="light" data-testid="compensation-reminder">
            {t('redress.reminder')}
          </Alert>
        )}
        {data.informed.map((n) => (
          <Text key={n.id} size="sm" data-testid="informed-line">
            {t('redress.informedLine', {
              date: formatDate(n.informedOn, lng),
              language: languageName(n.language),
              role: t(`roles.${n.byRole}`),
              agency: agencyName(n.agencyName, lng),
            })}
          </Text>
        ))}
        {open === 'informed' && <InformedForm data={data} onDone={() => setOpen(null)} />}
        <Title order={3} size="h5">
          {t('redress.claims')}
        </Title>
        <ClaimsTable data={data} />
        {open === 'claim' && <ClaimFileForm data={data} onDone={() => setOpen(null)} />}
        {!open && (may('record_informed') || may('file_claim')) && (
          <Group gap="xs" wrap="wrap">
            {may('record_informed') && (
              <Button size="xs" variant={data.reminder ? 'filled' : 'light'} onClick={() => setOpen('informed')} data-testid="redress-record-informed">
                {t('redress.recordInformed')}
              </Button>
            )}
            {may('file_claim') && (
              <Button size="xs" variant="light" onClick={() => setOpen('claim')} data-testid="redress-file-claim">
                {t('redress.fileClaim')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
