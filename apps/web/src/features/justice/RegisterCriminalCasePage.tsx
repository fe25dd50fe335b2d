import { Badge, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { articlesInForce, EXPLOITATION_TYPES } from '@qorgau/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { newClientId } from '../../api/client-id.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { kazakhstanToday } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCurrentUser } from '../auth/current-user.tsx';
import { useCriminalArticles, useRegisterCriminalCase } from './api.ts';
import { jurisdictionRegionOptions } from './region-choices.ts';

/**
 * Registers a criminal case (issue #11 item 1): its ERDR number, the Criminal Code articles of
 * the version in force on the registration date, the forms of exploitation, the region (one of
 * the user's own) and a short account.
 */
export function RegisterCriminalCasePage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const sets = useCriminalArticles();
  const register = useRegisterCriminalCase();
  const regions = jurisdictionRegionOptions(me, lng);
  const today = kazakhstanToday();
  // One client id per form: a second press after a lost answer returns the same case.
  const [clientId] = useState(newClientId);
  const [erdrNumber, setErdrNumber] = useState('');
  const [articles, setArticles] = useState<string[]>([]);
  const [types, setTypes] = useState<string[]>([]);
  const [regionCode, setRegionCode] = useState(regions.length === 1 ? (regions[0]?.value ?? '') : '');
  const [registeredOn, setRegisteredOn] = useState(today);
  const [summary, setSummary] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(register.error);

  if (sets.isPending) return <Loading />;
  if (sets.isError) return <ErrorAlert error={sets.error} onRetry={() => void sets.refetch()} />;
  const set = articlesInForce(sets.data.sets, /^\d{4}-\d{2}-\d{2}$/.test(registeredOn) ? registeredOn : today);
  const erdrOk = /^\d{15}$/.test(erdrNumber);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!erdrOk || articles.length === 0 || !regionCode || !registeredOn) return;
    register.mutate(
      { clientId, erdrNumber, articles, exploitationTypes: types, regionCode, registeredOn, ...(summary.trim() ? { summary } : {}) },
      { onSuccess: (c) => navigate(`/criminal-cases/${c.id}`) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <Title order={1}>{t('justice.register.title')}</Title>
        <ErrorAlert error={register.error} />
        <TextInput
          data-testid="criminal-case-erdr"
          label={t('justice.fields.erdrNumber')}
          description={t('justice.register.erdrHelp')}
          withAsterisk
          inputMode="numeric"
          autoComplete="off"
          maxLength={15}
          value={erdrNumber}
          onChange={(e) => setErdrNumber(e.currentTarget.value.replace(/\D/g, ''))}
          error={tried && !erdrOk ? t('justice.register.erdrFormat') : errors.erdrNumber}
        />
        <DateField
          data-testid="criminal-case-registered-on"
          label={t('justice.fields.registeredOn')}
          withAsterisk
          value={registeredOn}
          onChange={setRegisteredOn}
          min="2015-01-01"
          max={today}
          error={errors.registeredOn}
        />
        <NativeSelect
          data-testid="criminal-case-region"
          label={t('justice.fields.region')}
          withAsterisk
          value={regionCode}
          onChange={(e) => setRegionCode(e.currentTarget.value)}
          data={[{ value: '', label: t('common.choose') }, ...regions]}
          error={tried && !regionCode ? t('validation.required') : errors.regionCode}
        />
        <Checkbox.Group
          label={t('justice.fields.articles')}
          description={set ? t('justice.register.articlesVersion', { version: set.version }) : undefined}
          withAsterisk
          value={articles}
          onChange={setArticles}
          error={tried && articles.length === 0 ? t('validation.required') : errors.articles}
        >
          <Stack gap="xs" mt="xs">
            {(set?.articles ?? []).map((a) => (
              <Checkbox
                key={a.code}
                value={a.code}
                data-testid={`criminal-case-article-${a.code}`}
                label={
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {t('justice.articleShort', { code: a.code })}
                    </Text>
                    <Text size="sm">{a.title[lng as 'kk' | 'ru' | 'en'] ?? a.title.ru}</Text>
                    {a.trafficking && (
                      <Badge size="xs" variant="light">
                        {t('justice.trafficking')}
                      </Badge>
                    )}
                  </Group>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group label={t('justice.fields.exploitationTypes')} value={types} onChange={setTypes} error={errors.exploitationTypes}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {EXPLOITATION_TYPES.map((e) => (
              <Checkbox key={e} value={e} label={t(`exploitation.${e}`)} data-testid={`criminal-case-exploitation-${e}`} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          data-testid="criminal-case-summary"
          label={t('justice.fields.summary')}
          description={t('justice.register.summaryHelp')}
          autosize
          minRows={3}
          maxLength={4000}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.summary}
        />
        <Group>
          <Button type="submit" data-testid="criminal-case-submit" loading={register.isPending}>
            {t('justice.register.submit')}
          </Button>
          <Button variant="default" component={Link} href="/criminal-cases">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
