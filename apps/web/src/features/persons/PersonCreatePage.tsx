import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { PersonMatchProbe } from '@qorgau/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { newClientId } from '../../api/client-id.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { useCurrentUser } from '../auth/current-user.tsx';
import { useCreatePerson } from './api.ts';
import { emptyPerson, missingFields, toBody, type PersonFormValues } from './person-form-state.ts';
import { PersonForm } from './PersonForm.tsx';
import { PossibleMatches } from './PossibleMatches.tsx';

export function PersonCreatePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const defaultRegion = !me.jurisdiction.national && me.jurisdiction.regions.length === 1 ? (me.jurisdiction.regions[0] ?? '') : '';
  const [values, setValues] = useState<PersonFormValues>(() => emptyPerson(defaultRegion));
  const [missing, setMissing] = useState<Set<string>>(new Set());
  // One id per form: resending after a dropped connection cannot create a duplicate.
  const [clientId] = useState(newClientId);
  const create = useCreatePerson();

  // Checked once the names are typed (on blur), not on every keystroke.
  const [probe, setProbe] = useState<PersonMatchProbe | null>(null);
  const [notSameAs, setNotSameAs] = useState<string[]>([]);
  const checkMatches = () => {
    const first = values.firstName.trim();
    const second = values.secondName.trim();
    if (!first || !second) return;
    const next: PersonMatchProbe = {
      firstName: first,
      secondName: second,
      ...(values.middleName.trim() ? { middleName: values.middleName.trim() } : {}),
      ...(values.birthdate ? { birthdate: values.birthdate } : {}),
      ...(values.identityNumber.trim().length >= 4 ? { identityNumber: values.identityNumber.trim() } : {}),
    };
    if (JSON.stringify(next) !== JSON.stringify(probe)) setProbe(next);
  };

  const serverErrors = fieldErrors(create.error);
  const errors: Record<string, string | undefined> = { ...serverErrors };
  for (const field of missing) errors[field] = t('validation.required');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = missingFields(values);
    setMissing(m);
    if (m.size > 0) return;
    create.mutate({ ...toBody(values, clientId), ...(notSameAs.length ? { notSameAs } : {}) }, { onSuccess: (person) => navigate(`/persons/${person.id}`) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <Title order={1}>{t('persons.form.title')}</Title>
        <ErrorAlert error={create.error} />
        {/* biome-ignore lint/a11y/noStaticElementInteractions: focus leaving any field of the form (blur bubbles) runs the duplicate check; the div itself takes no input */}
        <div onBlur={checkMatches}>
          <PersonForm
            values={values}
            errors={errors}
            onChange={(field, value) => {
              setValues((v) => ({ ...v, [field]: value }));
              if (missing.has(field)) setMissing((m) => new Set([...m].filter((f) => f !== field)));
            }}
          />
        </div>
        <PossibleMatches probe={probe} onDifferent={(id) => setNotSameAs((ids) => [...new Set([...ids, id])])} />
        {missing.size > 0 && (
          <Text c="red" size="sm" role="alert">
            {t('common.fixFields')}
          </Text>
        )}
        <Group>
          <Button type="submit" data-testid="person-submit" loading={create.isPending}>
            {t('persons.form.submit')}
          </Button>
          <Button variant="default" component={Link} href="/persons">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
