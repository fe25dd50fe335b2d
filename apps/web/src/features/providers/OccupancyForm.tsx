import { Alert, Button, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { freePlaces, MAX_PROVIDER_PLACES, type Provider } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useUpdateOccupancy } from './api.ts';

/**
 * "Keep my shelter current": places and persons placed now, two big number fields and one
 * button, made for a phone (390 px). The server checks occupancy ≤ capacity on its own too.
 */
export function OccupancyForm({ provider }: { provider: Provider }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const save = useUpdateOccupancy(provider.id);
  const [capacity, setCapacity] = useState<number>(provider.capacity);
  const [occupancy, setOccupancy] = useState<number>(provider.occupancy);
  const errors = fieldErrors(save.error);
  const over = occupancy > capacity;
  const changed = capacity !== provider.capacity || occupancy !== provider.occupancy;
  return (
    <form
      data-testid="occupancy-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ capacity, occupancy });
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            data-testid="occupancy-capacity"
            label={t('providers.fields.capacity')}
            size="md"
            min={0}
            max={MAX_PROVIDER_PLACES}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            value={capacity}
            onChange={(v) => setCapacity(typeof v === 'number' ? v : 0)}
            error={errors.capacity}
          />
          <NumberInput
            data-testid="occupancy-occupancy"
            label={t('providers.fields.occupancy')}
            size="md"
            min={0}
            max={MAX_PROVIDER_PLACES}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            value={occupancy}
            onChange={(v) => setOccupancy(typeof v === 'number' ? v : 0)}
            error={errors.occupancy ?? (over ? t('validation.occupancy_over_capacity', { capacity }) : undefined)}
          />
        </SimpleGrid>
        <Text fw={600} aria-live="polite" data-testid="occupancy-free">
          {t('providers.freeNow', { free: freePlaces({ capacity, occupancy }) })}
        </Text>
        <Button type="submit" size="md" fullWidth loading={save.isPending} disabled={over || !changed} data-testid="occupancy-save">
          {t('providers.saveOccupancy')}
        </Button>
        {save.isSuccess && !changed && (
          <Alert color="green" data-testid="occupancy-saved">
            {t('providers.saved', { at: formatDateTime(provider.updatedAt, lng) })}
          </Alert>
        )}
        {save.error && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
      </Stack>
    </form>
  );
}
