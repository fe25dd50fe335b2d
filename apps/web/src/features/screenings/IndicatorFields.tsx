import { Alert, Badge, Checkbox, Fieldset, Group, Stack, Text, Title } from '@mantine/core';
import type { Indicator, IndicatorList } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { ageOf, textIn, type ScreeningDraft } from './screening-draft.ts';

interface IndicatorFieldsProps {
  lists: IndicatorList[];
  /** From the rules file in force (never a number in code). */
  childAgeYears: number;
  draft: ScreeningDraft;
  error?: string;
  set: (patch: Partial<ScreeningDraft>) => void;
}

/** (c) the indicators: verified lists open, provisional ones folded away and marked. */
export function IndicatorFields({ lists, childAgeYears, draft, error, set }: IndicatorFieldsProps) {
  const { t } = useTranslation();
  const verified = lists.filter((l) => l.verification === 'verified');
  const provisional = lists.filter((l) => l.verification !== 'verified');
  const toggle = (id: string, on: boolean) => set({ observed: on ? [...new Set([...draft.observed, id])] : draft.observed.filter((x) => x !== id) });
  const ticked = provisional.flatMap((l) => l.indicators).filter((i) => draft.observed.includes(i.id)).length;
  return (
    <Fieldset legend={t('screening.form.indicatorsSection')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('screening.form.indicatorsHelp')}
        </Text>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        {verified.map((l) => (
          <ListFields key={l.id} list={l} childAgeYears={childAgeYears} draft={draft} toggle={toggle} />
        ))}
        {provisional.length > 0 && (
          <details open={ticked > 0 || undefined}>
            <summary data-testid="screening-provisional-toggle" style={{ cursor: 'pointer', padding: '8px 0' }}>
              <Text component="span" fw={600}>
                {t('screening.form.provisionalSection')}
              </Text>{' '}
              <Badge color="orange" variant="light">
                {t('screening.provisional')}
              </Badge>
              {ticked > 0 && <Text component="span" size="sm">{` (${t('screening.form.ticked', { count: ticked })})`}</Text>}
            </summary>
            <Stack gap="md" mt="sm">
              <Alert color="orange" variant="light">
                {t('screening.form.provisionalHelp')}
              </Alert>
              {provisional.map((l) => (
                <ListFields key={l.id} list={l} childAgeYears={childAgeYears} draft={draft} toggle={toggle} />
              ))}
            </Stack>
          </details>
        )}
      </Stack>
    </Fieldset>
  );
}

interface ListFieldsProps {
  list: IndicatorList;
  childAgeYears: number;
  draft: ScreeningDraft;
  toggle: (id: string, on: boolean) => void;
}

function ListFields({ list, childAgeYears, draft, toggle }: ListFieldsProps) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const age = ageOf(draft);
  const population = draft.ageUnknown || age === null ? null : age < childAgeYears ? 'child' : 'adult';
  const groups = (list.groups ?? []).filter((g) => !population || g.appliesTo.population === 'all' || g.appliesTo.population === population);
  // The server refuses indicators of two groups of one list (adult and child sets): once one is used, the others wait.
  const usedGroup = list.indicators.find((i) => i.group && draft.observed.includes(i.id))?.group;
  const box = (ind: Indicator, disabled = false) => (
    <Checkbox
      key={ind.id}
      data-testid={`indicator-${ind.id}`}
      label={ind.question ? textIn(ind.question, lng) : textIn(ind.labels, lng)}
      description={ind.question ? textIn(ind.labels, lng) : undefined}
      checked={draft.observed.includes(ind.id)}
      disabled={disabled && !draft.observed.includes(ind.id)}
      onChange={(e) => toggle(ind.id, e.currentTarget.checked)}
    />
  );
  const byDimension = (items: Indicator[], disabled: boolean) => {
    if (!list.dimensions) return <Stack gap="sm">{items.map((i) => box(i, disabled))}</Stack>;
    const dims = list.dimensions;
    const rest = items.filter((i) => !dims.some((d) => d.id === i.dimension));
    return [
      ...dims.map((d) => ({ id: d.id, title: textIn(d.labels, lng), inDim: items.filter((i) => i.dimension === d.id) })),
      { id: '', title: '', inDim: rest },
    ].map(({ id, title, inDim }) => {
      if (inDim.length === 0) return null;
      return (
        <Stack key={id} gap="xs">
          {title && (
            <Text fw={600} size="sm">
              {title}
            </Text>
          )}
          {inDim.map((i) => box(i, disabled))}
        </Stack>
      );
    });
  };
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Title order={3} size="h5">
          {textIn(list.title, lng)}
        </Title>
        {list.verification !== 'verified' && (
          <Badge color="orange" variant="light">
            {t('screening.provisional')}
          </Badge>
        )}
      </Group>
      {groups.length === 0
        ? byDimension(list.indicators, false)
        : groups.map((g) => (
            <Stack key={g.id} gap="sm">
              <Text fw={700}>{textIn(g.labels, lng)}</Text>
              {usedGroup && usedGroup !== g.id && (
                <Text size="sm" c="dimmed">
                  {t('screening.form.otherGroupUsed')}
                </Text>
              )}
              {byDimension(
                list.indicators.filter((i) => i.group === g.id),
                !!usedGroup && usedGroup !== g.id,
              )}
            </Stack>
          ))}
    </Stack>
  );
}
