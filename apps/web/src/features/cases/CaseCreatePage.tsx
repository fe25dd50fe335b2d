import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { EXPLOITATION_TYPES, type ExploitationType, type RegionCode } from '@qorgau/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { newClientId } from '../../api/client-id.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { regionOptions } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { fullName, usePerson } from '../persons/api.ts';
import { isolate } from '../../components/UserText.tsx';
import { useCreateCase } from './api.ts';

export function CaseCreatePage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [, navigate] = useLocation();
  const person = usePerson(personId);
  const [regionCode, setRegionCode] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [narrative, setNarrative] = useState('');
  const [missingRegion, setMissingRegion] = useState(false);
  const [clientId] = useState(newClientId);
  const create = useCreateCase();

  // The person's region is the usual answer: start from it.
  const personRegion = person.data?.regionCode;
  useEffect(() => {
    if (personRegion) setRegionCode((r) => r || personRegion);
  }, [personRegion]);

  if (person.isPending) return <Loading />;
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;

  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissingRegion(!regionCode);
    if (!regionCode) return;
    create.mutate(
      {
        clientId,
        personId,
        regionCode: regionCode as RegionCode,
        exploitationTypes: types as ExploitationType[],
        narrative: narrative.trim() || undefined,
      },
      { onSuccess: (c) => navigate(`/cases/${c.id}`) },
    );
  };
  const p = person.data;

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <Title order={1}>{t('cases.form.title')}</Title>
        <Text>{t('cases.form.forPerson', { name: isolate(p.identity ? fullName(p.identity) : p.pseudonym) })}</Text>
        <ErrorAlert error={create.error} />
        <NativeSelect
          data-testid="case-region"
          label={t('cases.fields.region')}
          withAsterisk
          value={regionCode}
          onChange={(e) => setRegionCode(e.currentTarget.value)}
          data={[{ value: '', label: t('common.choose') }, ...regionOptions(lng)]}
          error={missingRegion ? t('validation.required') : errors.regionCode}
        />
        <Checkbox.Group
          label={t('cases.fields.exploitationTypes')}
          description={t('cases.form.exploitationHelp')}
          value={types}
          onChange={setTypes}
          error={errors.exploitationTypes}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {EXPLOITATION_TYPES.map((e) => (
              <Checkbox key={e} value={e} label={t(`exploitation.${e}`)} data-testid={`case-exploitation-${e}`} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          data-testid="case-narrative"
          label={t('cases.fields.narrative')}
          description={t('cases.form.narrativeHelp')}
          autosize
          minRows={4}
          maxLength={10_000}
          value={narrative}
          onChange={(e) => setNarrative(e.currentTarget.value)}
          error={errors.narrative}
        />
        <Group>
          <Button type="submit" data-testid="case-submit" loading={create.isPending}>
            {t('cases.form.submit')}
          </Button>
          <Button variant="default" component={Link} href={`/persons/${personId}`}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
