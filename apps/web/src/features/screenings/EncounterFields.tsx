import { Checkbox, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { COMMON_CITIZENSHIPS, ENCOUNTER_SETTINGS, EXPLOITATION_TYPES, GENDERS, SCREENING_LANGUAGES } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { regionOptions } from '../../components/format.ts';
import { useCountryName } from '../../components/use-country-name.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { OTHER_CITIZENSHIP } from '../persons/person-form-state.ts';
import { today, type ScreeningDraft } from './screening-draft.ts';

export interface SectionProps {
  draft: ScreeningDraft;
  errors: Record<string, string | undefined>;
  set: (patch: Partial<ScreeningDraft>) => void;
}

/** (a) the encounter. */
export function EncounterFields({ draft, errors, set }: SectionProps) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const choose = { value: '', label: t('common.choose') };
  const select = (field: 'regionCode' | 'setting' | 'language') => ({
    value: draft[field],
    onChange: (e: { currentTarget: { value: string } }) => set({ [field]: e.currentTarget.value }),
    error: errors[field],
    withAsterisk: true,
  });
  return (
    <Fieldset legend={t('screening.form.encounterSection')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          data-testid="screening-date"
          label={t('screening.fields.encounterDate')}
          withAsterisk
          max={today()}
          value={draft.encounterDate}
          onChange={(v) => set({ encounterDate: v })}
          error={errors.encounterDate}
        />
        <NativeSelect data-testid="screening-region" label={t('screening.fields.region')} data={[choose, ...regionOptions(lng)]} {...select('regionCode')} />
        <NativeSelect
          data-testid="screening-setting"
          label={t('screening.fields.setting')}
          data={[choose, ...ENCOUNTER_SETTINGS.map((s) => ({ value: s, label: t(`setting.${s}`) }))]}
          {...select('setting')}
        />
        <NativeSelect
          data-testid="screening-language"
          label={t('screening.fields.language')}
          data={[choose, ...SCREENING_LANGUAGES.map((l) => ({ value: l, label: t(`screeningLanguage.${l}`) }))]}
          {...select('language')}
        />
      </SimpleGrid>
      <Checkbox
        mt="md"
        data-testid="screening-interpreter"
        label={t('screening.fields.interpreterUsed')}
        checked={draft.interpreterUsed}
        onChange={(e) => set({ interpreterUsed: e.currentTarget.checked })}
      />
    </Fieldset>
  );
}

/** (b) the person, without any identity. */
export function PersonFields({ draft, errors, set, childAgeYears }: SectionProps & { childAgeYears: number | null }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const choose = { value: '', label: t('common.choose') };
  const select = (field: 'gender' | 'citizenship') => ({
    value: draft[field],
    onChange: (e: { currentTarget: { value: string } }) => set({ [field]: e.currentTarget.value }),
    error: errors[field],
    withAsterisk: true,
  });
  return (
    <Fieldset legend={t('screening.form.personSection')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            data-testid="screening-age"
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            label={t('screening.fields.age')}
            description={t('screening.form.ageHelp')}
            withAsterisk={!draft.ageUnknown}
            disabled={draft.ageUnknown}
            value={draft.ageUnknown ? '' : draft.ageYears}
            onChange={(e) => setAge(e.currentTarget.value, draft, set, childAgeYears)}
            error={errors.ageYears}
          />
          <Checkbox
            mt={{ sm: 'xl' }}
            data-testid="screening-age-unknown"
            label={t('screening.fields.ageUnknown')}
            checked={draft.ageUnknown}
            // An unknown age is presumed a child's: "declined" is turned back, as for a child.
            onChange={(e) =>
              set({
                ageUnknown: e.currentTarget.checked,
                ...(e.currentTarget.checked && draft.consent === 'declined' ? { consent: 'identified' as const } : {}),
              })
            }
          />
          <NativeSelect
            data-testid="screening-gender"
            label={t('screening.fields.gender')}
            data={[choose, ...GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))]}
            {...select('gender')}
          />
          <NativeSelect
            data-testid="screening-citizenship"
            label={t('screening.fields.citizenship')}
            data={[
              choose,
              ...COMMON_CITIZENSHIPS.map((c) => ({ value: c, label: `${countryName(c)} (${c})` })),
              { value: OTHER_CITIZENSHIP, label: t('persons.form.otherCitizenship') },
            ]}
            {...select('citizenship')}
          />
          {draft.citizenship === OTHER_CITIZENSHIP && (
            <TextInput
              data-testid="screening-citizenship-other"
              label={t('persons.form.citizenshipCode')}
              description={t('persons.form.citizenshipCodeHelp')}
              maxLength={2}
              autoCapitalize="characters"
              value={draft.citizenshipOther}
              onChange={(e) => set({ citizenshipOther: e.currentTarget.value })}
              error={errors.citizenship}
            />
          )}
        </SimpleGrid>
        <Checkbox.Group
          label={t('screening.fields.exploitationTypes')}
          description={t('screening.form.exploitationHelp')}
          value={draft.exploitationTypes}
          onChange={(v) => set({ exploitationTypes: v })}
          error={errors.exploitationTypes}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {EXPLOITATION_TYPES.map((e) => (
              <Checkbox key={e} value={e} label={t(`exploitation.${e}`)} data-testid={`screening-exploitation-${e}`} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </Stack>
    </Fieldset>
  );
}

/** A child is referred whatever anyone consents to: an age under the rules' child age turns "declined" back. */
function setAge(value: string, draft: ScreeningDraft, set: SectionProps['set'], childAgeYears: number | null) {
  const age = /^\d{1,3}$/.test(value.trim()) ? Number.parseInt(value, 10) : null;
  const child = age !== null && childAgeYears !== null && age < childAgeYears;
  set({ ageYears: value, ...(child && draft.consent === 'declined' ? { consent: 'identified' as const } : {}) });
}
