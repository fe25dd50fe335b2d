import { Alert, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { OFFICIAL_BREAKDOWNS, OFFICIAL_DIMENSION_CATEGORIES, OFFICIAL_FIGURE_KEYS, type OfficialFigureKey } from '@qorgau/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { useOfficialFigures, useSetOfficialFigure } from './api.ts';
import { useFigureLabels } from './labels.ts';

const num = (v: string | number): number | null => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

/**
 * Enter or correct one figure of one year, with one breakdown of it. Choosing a year and a
 * figure already entered fills in what is stored, so a correction starts from the current values.
 */
export function OfficialFigureForm() {
  const { t } = useTranslation();
  const label = useFigureLabels();
  const stored = useOfficialFigures();
  const save = useSetOfficialFigure();
  const [year, setYear] = useState<string | number>(new Date().getFullYear() - 1);
  const [figure, setFigure] = useState<OfficialFigureKey>('victims_identified');
  const [value, setValue] = useState<string | number>('');
  const [source, setSource] = useState('');
  const dimensions = OFFICIAL_BREAKDOWNS[figure];
  const [dimension, setDimension] = useState<string>(dimensions[0] ?? '');
  const [parts, setParts] = useState<Record<string, string | number>>({});
  const categories = dimension ? (OFFICIAL_DIMENSION_CATEGORIES[dimension] ?? []) : [];

  // What is stored for the chosen year, figure and breakdown is where an edit starts.
  const storedOf = () => (stored.data?.items ?? []).filter((f) => f.year === num(year) && f.figure === figure);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refilled when the year or figure changes, not on each keystroke elsewhere.
  useEffect(() => {
    const total = storedOf().find((f) => f.dimension === '');
    setValue(total?.value ?? '');
    if (total) setSource(total.source);
  }, [stored.data, year, figure]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the breakdown shown follows the chosen dimension.
  useEffect(() => {
    setParts(
      Object.fromEntries(
        storedOf()
          .filter((f) => f.dimension === dimension)
          .map((f) => [f.category, f.value]),
      ),
    );
  }, [stored.data, year, figure, dimension]);

  useEffect(() => {
    if (!dimensions.includes(dimension)) setDimension(dimensions[0] ?? '');
  }, [dimensions, dimension]);

  const breakdown = categories.flatMap((category) => {
    const v = num(parts[category] ?? '');
    return v === null ? [] : [{ dimension, category, value: v }];
  });
  const errors = fieldErrors(save.error);
  const partError = (category: string) => {
    const i = breakdown.findIndex((b) => b.category === category);
    return i < 0 ? undefined : (errors[`breakdown.${i}.value`] ?? errors[`breakdown.${i}.category`] ?? errors[`breakdown.${i}`]);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="official-form-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ year: Number(num(year)), figure, value: Number(num(value) ?? -1), source: source.trim(), breakdown });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="official-form-title">
            {t('officialFigures.form.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('officialFigures.column.year')}
              value={year}
              onChange={setYear}
              allowDecimal={false}
              allowNegative={false}
              error={errors.year}
              data-testid="official-year"
              withAsterisk
            />
            <NativeSelect
              label={t('officialFigures.column.figure')}
              value={figure}
              onChange={(e) => setFigure(e.currentTarget.value as OfficialFigureKey)}
              data={OFFICIAL_FIGURE_KEYS.map((k) => ({ value: k, label: label.figure(k) }))}
              error={errors.figure}
              data-testid="official-figure"
            />
            <NumberInput
              label={t('officialFigures.column.total')}
              value={value}
              onChange={setValue}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
              error={errors.value}
              data-testid="official-value"
              withAsterisk
            />
          </SimpleGrid>
          <TextInput
            label={t('officialFigures.column.source')}
            description={t('officialFigures.form.sourceHint')}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={errors.source}
            data-testid="official-source"
            withAsterisk
          />
          {dimensions.length > 0 && (
            <Stack gap="xs">
              <NativeSelect
                label={t('officialFigures.form.breakdown')}
                description={t('officialFigures.form.breakdownHint')}
                value={dimension}
                onChange={(e) => setDimension(e.currentTarget.value)}
                data={dimensions.map((d) => ({ value: d, label: label.dimension(d) }))}
                data-testid="official-dimension"
                maw={360}
              />
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {categories.map((category) => (
                  <NumberInput
                    key={category}
                    label={label.category(dimension, category)}
                    value={parts[category] ?? ''}
                    onChange={(v) => setParts((p) => ({ ...p, [category]: v }))}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator=" "
                    error={partError(category)}
                    data-testid={`official-part-${category}`}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          )}
          <ErrorAlert error={save.error} />
          {save.data && (
            <Alert color={save.data.registerYear ? 'yellow' : 'green'} role="status" data-testid="official-saved">
              <Text size="sm">{t('officialFigures.form.saved')}</Text>
              {save.data.registerYear && <Text size="sm">{t('officialFigures.registerYearWarning', { year: num(year) })}</Text>}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="official-save">
              {t('officialFigures.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
