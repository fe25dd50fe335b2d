import { Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { COMMON_CITIZENSHIPS, GENDERS, IDENTITY_DOCUMENT_TYPES } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { regionOptions } from '../../components/format.ts';
import { useCountryName } from '../../components/use-country-name.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { OTHER_CITIZENSHIP, type PersonFormValues } from './person-form-state.ts';

interface PersonFormProps {
  values: PersonFormValues;
  errors: Record<string, string | undefined>;
  onChange: (field: keyof PersonFormValues, value: string) => void;
}

export function PersonForm({ values, errors, onChange }: PersonFormProps) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const countryName = useCountryName();
  const text = (field: keyof PersonFormValues) => ({
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => onChange(field, e.currentTarget.value),
    error: errors[field],
  });
  const choose = { value: '', label: t('common.choose') };
  const none = { value: '', label: t('common.notSpecified') };
  return (
    <Stack>
      <Fieldset legend={t('persons.form.nameSection')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('persons.form.namesHelp')}
          </Text>
          <TextInput data-testid="person-secondName" label={t('persons.fields.secondName')} withAsterisk autoComplete="off" {...text('secondName')} />
          <TextInput data-testid="person-firstName" label={t('persons.fields.firstName')} withAsterisk autoComplete="off" {...text('firstName')} />
          <TextInput data-testid="person-middleName" label={t('persons.fields.middleName')} autoComplete="off" {...text('middleName')} />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('persons.form.detailsSection')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            data-testid="person-birthdate"
            label={t('persons.fields.birthdate')}
            value={values.birthdate}
            onChange={(v) => onChange('birthdate', v)}
            error={errors.birthdate}
          />
          <NativeSelect
            data-testid="person-gender"
            label={t('persons.fields.gender')}
            withAsterisk
            data={[choose, ...GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))]}
            {...text('gender')}
          />
          <NativeSelect
            data-testid="person-citizenship"
            label={t('persons.fields.citizenship')}
            withAsterisk
            data={[
              ...COMMON_CITIZENSHIPS.map((c) => ({ value: c, label: `${countryName(c)} (${c})` })),
              { value: OTHER_CITIZENSHIP, label: t('persons.form.otherCitizenship') },
            ]}
            {...text('citizenship')}
          />
          {values.citizenship === OTHER_CITIZENSHIP && (
            <TextInput
              data-testid="person-citizenship-other"
              label={t('persons.form.citizenshipCode')}
              description={t('persons.form.citizenshipCodeHelp')}
              maxLength={2}
              autoCapitalize="characters"
              {...text('citizenshipOther')}
              error={errors.citizenship}
            />
          )}
          <NativeSelect
            data-testid="person-region"
            label={t('persons.fields.region')}
            withAsterisk
            data={[choose, ...regionOptions(lng)]}
            {...text('regionCode')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('persons.form.documentSection')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            data-testid="person-documentType"
            label={t('persons.fields.identityDocumentType')}
            data={[none, ...IDENTITY_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`identityDocumentType.${d}`) }))]}
            {...text('identityDocumentType')}
          />
          <TextInput data-testid="person-identityNumber" label={t('persons.fields.identityNumber')} autoComplete="off" {...text('identityNumber')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('persons.form.contactSection')}>
        <Stack gap="sm">
          <TextInput
            data-testid="person-phone"
            type="tel"
            label={t('persons.fields.mobilePhone')}
            description={t('persons.form.phoneHelp')}
            autoComplete="off"
            {...text('mobilePhone')}
          />
          <Textarea data-testid="person-address" label={t('persons.fields.address')} autosize minRows={2} {...text('address')} />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
