import { Checkbox, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { regionOptions } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import type { UserJurisdiction } from './api.ts';

interface Props {
  value: UserJurisdiction;
  onChange: (value: UserJurisdiction) => void;
  error?: string;
}

/** The whole country, or a list of regions (at least one). */
export function JurisdictionInput({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Stack gap="xs">
      <Checkbox
        data-testid="user-national"
        label={t('users.jurisdiction.national')}
        checked={value.national}
        onChange={(e) => onChange(e.currentTarget.checked ? { national: true, regions: [] } : { national: false, regions: [] })}
      />
      {!value.national && (
        <Checkbox.Group
          label={t('users.jurisdiction.regions')}
          value={value.regions}
          onChange={(regions) => onChange({ national: false, regions })}
          error={error}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
            {regionOptions(lng).map((r) => (
              <Checkbox key={r.value} value={r.value} label={r.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
    </Stack>
  );
}
