import { Alert, Button, Fieldset, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IDENTITY_DOCUMENT_TYPES } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './EncounterFields.tsx';
import { PossibleMatches } from '../persons/PossibleMatches.tsx';
import { ageOf, isChild, type IdentityValues } from './screening-draft.ts';
import { UserText } from '../../components/UserText.tsx';
import { DateField } from '../../components/DateField.tsx';

/** (d) consent, with the identity only when the person agreed (or is a child), and (e) the narrative. */
export function ConsentFields({ draft, errors, set, childAgeYears }: SectionProps & { childAgeYears: number | null }) {
  const { t } = useTranslation();
  const child = isChild(draft, childAgeYears);
  const identity = draft.identity;
  // The intake duplicate check: once both names are typed, existing records that may be this person.
  const probe =
    identity.firstName.trim() && identity.secondName.trim()
      ? {
          firstName: identity.firstName.trim(),
          secondName: identity.secondName.trim(),
          ...(identity.middleName.trim() ? { middleName: identity.middleName.trim() } : {}),
          ...(identity.birthdate ? { birthdate: identity.birthdate } : {}),
          ...(identity.identityNumber.trim().length >= 4 ? { identityNumber: identity.identityNumber.trim() } : {}),
        }
      : null;
  const [checked, setChecked] = useState<typeof probe>(null);
  const text = (field: keyof IdentityValues) => ({
    value: identity[field],
    onChange: (e: { currentTarget: { value: string } }) => set({ identity: { ...identity, [field]: e.currentTarget.value } }),
    error: errors[`person.${field}`],
    autoComplete: 'off',
  });
  return (
    <>
      <Fieldset legend={t('screening.form.consentSection')}>
        <Stack gap="sm">
          <Radio.Group
            label={t('screening.fields.consent')}
            withAsterisk
            value={draft.consent}
            onChange={(v) => set({ consent: v as 'identified' | 'declined' })}
            error={errors.consent}
          >
            <Stack gap="sm" mt="xs">
              <Radio
                value="identified"
                data-testid="screening-consent-identified"
                label={t('screening.consent.identified')}
                description={t('screening.consent.identifiedHelp')}
              />
              <Radio
                value="declined"
                data-testid="screening-consent-declined"
                disabled={child}
                label={t('screening.consent.declined')}
                description={t('screening.consent.declinedHelp')}
              />
            </Stack>
          </Radio.Group>
          {/* Once the rules are in: the note names their child age. */}
          {child && childAgeYears !== null && (
            <Alert color="blue" variant="light" data-testid="screening-child-note">
              {ageOf(draft) === null
                ? t('screening.consent.ageUnknownNote', { childAge: childAgeYears })
                : t('screening.consent.childNote', { childAge: childAgeYears })}
            </Alert>
          )}
          {errors.person && !draft.consent && (
            <Text c="red" size="sm">
              {errors.person}
            </Text>
          )}
        </Stack>
      </Fieldset>
      {draft.consent === 'identified' && draft.existingPerson && (
        <Alert color="green" variant="light" title={t('screening.existing.linked')} data-testid="screening-existing-person">
          <Stack gap="xs" align="flex-start">
            <Text>
              <UserText>{draft.existingPerson.name}</UserText>
            </Text>
            <Button size="xs" variant="default" onClick={() => set({ existingPerson: null })}>
              {t('screening.existing.unlink')}
            </Button>
          </Stack>
        </Alert>
      )}
      {draft.consent === 'identified' && !draft.existingPerson && (
        <Fieldset legend={t('screening.form.identitySection')} onBlur={() => setChecked(probe)}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('persons.form.namesHelp')}
            </Text>
            {errors.person && (
              <Text c="red" size="sm">
                {errors.person}
              </Text>
            )}
            <TextInput data-testid="screening-secondName" label={t('persons.fields.secondName')} withAsterisk {...text('secondName')} />
            <TextInput data-testid="screening-firstName" label={t('persons.fields.firstName')} withAsterisk {...text('firstName')} />
            <TextInput data-testid="screening-middleName" label={t('persons.fields.middleName')} {...text('middleName')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                data-testid="screening-birthdate"
                label={t('persons.fields.birthdate')}
                value={identity.birthdate}
                onChange={(v) => set({ identity: { ...identity, birthdate: v } })}
                error={errors['person.birthdate']}
              />
              <NativeSelect
                data-testid="screening-documentType"
                label={t('persons.fields.identityDocumentType')}
                data={[
                  { value: '', label: t('common.notSpecified') },
                  ...IDENTITY_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`identityDocumentType.${d}`) })),
                ]}
                {...text('identityDocumentType')}
              />
              <TextInput data-testid="screening-identityNumber" label={t('persons.fields.identityNumber')} {...text('identityNumber')} />
              <TextInput
                data-testid="screening-phone"
                type="tel"
                label={t('persons.fields.mobilePhone')}
                description={t('persons.form.phoneHelp')}
                {...text('mobilePhone')}
              />
            </SimpleGrid>
            <Textarea data-testid="screening-address" label={t('persons.fields.address')} autosize minRows={2} {...text('address')} />
            <PossibleMatches probe={checked} onSame={(p) => set({ existingPerson: p })} />
          </Stack>
        </Fieldset>
      )}
      <Fieldset legend={t('screening.form.narrativeSection')}>
        <Textarea
          data-testid="screening-narrative"
          label={t('screening.fields.narrative')}
          description={t('screening.form.narrativeHelp')}
          autosize
          minRows={3}
          maxLength={10_000}
          value={draft.narrative}
          onChange={(e) => set({ narrative: e.currentTarget.value })}
          error={errors.narrative}
        />
      </Fieldset>
    </>
  );
}
