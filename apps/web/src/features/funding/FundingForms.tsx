import { Alert, Button, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { FUNDING_PURPOSES, type FundingPurpose } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newClientId } from '../../api/client-id.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { regionOptions } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCreateAllocation, useRegionShelters, useSetRate } from './api.ts';

/** The year's stated rate (tenge per US dollar) and its source: the national coordinator's. */
export function RateForm({ year, current }: { year: number; current: { tengePerUsd: number; source: string } | null }) {
  const { t } = useTranslation();
  const save = useSetRate(year);
  const [rate, setRate] = useState<number | ''>(current?.tengePerUsd ?? '');
  const [source, setSource] = useState(current?.source ?? '');
  const errors = fieldErrors(save.error);
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      data-testid="rate-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (typeof rate === 'number') save.mutate({ tengePerUsd: rate, source });
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('funding.rate.title', { year })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label={t('funding.rate.tengePerUsd')}
            data-testid="rate-value"
            decimalScale={4}
            min={0}
            allowNegative={false}
            inputMode="decimal"
            value={rate}
            onChange={(v) => setRate(typeof v === 'number' ? v : '')}
            error={errors.tengePerUsd}
          />
          <TextInput
            label={t('funding.source')}
            data-testid="rate-source"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={errors.source}
          />
        </SimpleGrid>
        <Button type="submit" loading={save.isPending} disabled={typeof rate !== 'number' || !source.trim()} data-testid="rate-save">
          {t('funding.rate.save')}
        </Button>
        {save.isSuccess && <Alert color="green">{t('funding.rate.saved')}</Alert>}
        {save.error && (errors.year ? <Alert color="red">{errors.year}</Alert> : Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />)}
      </Stack>
    </Paper>
  );
}

/** An allocation of the year: to one shelter, to a region's shelters as a whole, or to the programme. */
export function AllocationForm({ year }: { year: number }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const save = useCreateAllocation();
  const [clientId, setClientId] = useState(newClientId);
  const [purpose, setPurpose] = useState<FundingPurpose>('shelter');
  const [regionCode, setRegion] = useState('');
  const [providerId, setProvider] = useState('');
  const [amount, setAmount] = useState<number | ''>('');
  const [casesBasis, setCasesBasis] = useState<number | ''>('');
  const [source, setSource] = useState('');
  const shelters = useRegionShelters(purpose === 'shelter' ? regionCode : '');
  const errors = fieldErrors(save.error);
  const ready = regionCode && typeof amount === 'number' && source.trim();
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      data-testid="allocation-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        save.mutate(
          {
            clientId,
            year,
            purpose,
            regionCode: regionCode as never,
            providerId: providerId || null,
            amountTenge: amount,
            casesBasis: typeof casesBasis === 'number' ? casesBasis : null,
            source,
          },
          // A new allocation gets a new client id; a retry of a failed one keeps it (idempotent).
          {
            onSuccess: () => {
              setClientId(newClientId());
              setAmount('');
              setCasesBasis('');
              setProvider('');
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('funding.allocation.title', { year })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('funding.allocation.purpose')}
            data-testid="allocation-purpose"
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value as FundingPurpose)}
            data={FUNDING_PURPOSES.map((p) => ({ value: p, label: t(`funding.purpose.${p}`) }))}
          />
          <NativeSelect
            label={t('funding.region')}
            data-testid="allocation-region"
            value={regionCode}
            onChange={(e) => {
              setRegion(e.currentTarget.value);
              setProvider('');
            }}
            data={[{ value: '', label: t('funding.allocation.chooseRegion') }, ...regionOptions(lng)]}
            error={errors.regionCode}
          />
          {purpose === 'shelter' && (
            <NativeSelect
              label={t('funding.allocation.shelter')}
              data-testid="allocation-shelter"
              value={providerId}
              onChange={(e) => setProvider(e.currentTarget.value)}
              data={[
                { value: '', label: t('funding.allocation.regionWide') },
                ...(shelters.data?.items ?? []).map((p) => ({ value: p.id, label: p.name[lng] })),
              ]}
              error={errors.providerId}
            />
          )}
          <NumberInput
            label={t('funding.allocation.amount')}
            data-testid="allocation-amount"
            min={1}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
            inputMode="numeric"
            value={amount}
            onChange={(v) => setAmount(typeof v === 'number' ? v : '')}
            error={errors.amountTenge}
          />
          <NumberInput
            label={t('funding.allocation.casesBasis')}
            description={t('funding.allocation.casesBasisHint')}
            data-testid="allocation-cases"
            min={0}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            value={casesBasis}
            onChange={(v) => setCasesBasis(typeof v === 'number' ? v : '')}
            error={errors.casesBasis}
          />
          <TextInput
            label={t('funding.source')}
            data-testid="allocation-source"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={errors.source}
          />
        </SimpleGrid>
        {errors.year && <Alert color="red">{errors.year}</Alert>}
        <Button type="submit" loading={save.isPending} disabled={!ready} data-testid="allocation-save">
          {t('funding.allocation.save')}
        </Button>
        {save.isSuccess && <Alert color="green">{t('funding.allocation.saved')}</Alert>}
        {save.error && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
      </Stack>
    </Paper>
  );
}
