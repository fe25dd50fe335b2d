import { Button, Checkbox, Collapse, MultiSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  EXPLOITATION_TYPES,
  FORCED_LABOUR_INDUSTRIES,
  HTCDS_METHOD_OF_CONTROL_VALUES,
  PERPETRATOR_TYPES,
  RECRUITMENT_METHODS,
  SEX_EXPLOITATION_TYPES,
  type CaseActionInput,
  type ExploitationType,
} from '@qorgau/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../components/use-country-name.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { countryOptions } from './countries.ts';

type Decided = Extract<CaseActionInput, { type: 'identification_decided' }>;
type FindingKey =
  | 'exploitationTypes'
  | 'sexExploitationTypes'
  | 'forcedLabourIndustries'
  | 'methodsOfControl'
  | 'recruitmentMethods'
  | 'perpetrators'
  | 'countriesOfRecruitment'
  | 'countriesOfTransit'
  | 'countriesOfExploitation';
/** What the identification assessment found (all optional): the form's state, as plain string lists. */
export type Findings = Record<FindingKey, string[]>;
export type FindingsInput = Pick<Decided, FindingKey>;

/** The timeline's order of the findings, with the i18n group that labels each one's values (none: countries). */
export const FINDING_FIELDS: readonly { key: FindingKey; labels: string | null }[] = [
  { key: 'exploitationTypes', labels: 'exploitation' },
  { key: 'sexExploitationTypes', labels: 'sexExploitation' },
  { key: 'forcedLabourIndustries', labels: 'isicSection' },
  { key: 'methodsOfControl', labels: 'methodOfControl' },
  { key: 'recruitmentMethods', labels: 'recruitmentMethod' },
  { key: 'perpetrators', labels: 'perpetrator' },
  { key: 'countriesOfRecruitment', labels: null },
  { key: 'countriesOfTransit', labels: null },
  { key: 'countriesOfExploitation', labels: null },
];

export function initialFindings(exploitationTypes: readonly ExploitationType[]): Findings {
  return {
    exploitationTypes: [...exploitationTypes],
    sexExploitationTypes: [],
    forcedLabourIndustries: [],
    methodsOfControl: [],
    recruitmentMethods: [],
    perpetrators: [],
    countriesOfRecruitment: [],
    countriesOfTransit: [],
    countriesOfExploitation: [],
  };
}

const hasSexual = (f: Findings) => f.exploitationTypes.includes('SexualExploitation');
const hasLabour = (f: Findings) => f.exploitationTypes.some((e) => e === 'ForcedLabour' || e === 'ChildLabour');

/**
 * The action's finding fields: only non-empty lists, sub-types only under their form of
 * exploitation, and the forms of exploitation only when the officer changed them (so the
 * decision never records as confirmed what was merely pre-filled from the case).
 */
export function findingsInput(f: Findings, caseForms: readonly string[]): FindingsInput {
  const lists: Findings = {
    ...f,
    sexExploitationTypes: hasSexual(f) ? f.sexExploitationTypes : [],
    forcedLabourIndustries: hasLabour(f) ? f.forcedLabourIndustries : [],
  };
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(lists)) if (v.length > 0) out[k] = v;
  const unchanged = f.exploitationTypes.length === caseForms.length && f.exploitationTypes.every((e) => caseForms.includes(e));
  if (unchanged) delete out.exploitationTypes;
  return out as FindingsInput;
}

interface ChecksProps {
  label: string;
  values: readonly string[];
  value: string[];
  onChange: (v: string[]) => void;
  labelOf: (v: string) => string;
  testId: string;
}

function Checks({ label, values, value, onChange, labelOf, testId }: ChecksProps) {
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs" verticalSpacing="xs">
        {values.map((v) => (
          <Checkbox key={v} value={v} label={labelOf(v)} data-testid={`${testId}-${v}`} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

const COUNTRY_FIELDS = [
  { key: 'countriesOfRecruitment', id: 'recruitment' },
  { key: 'countriesOfTransit', id: 'transit' },
  { key: 'countriesOfExploitation', id: 'exploitation' },
] as const;

/** The optional "what the assessment found" part of the identification decision. */
export function IdentificationFindings({ value, onChange }: { value: Findings; onChange: (f: Findings) => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const countryName = useCountryName();
  const [open, setOpen] = useState(false);
  // countryName is a new function every render; the names depend only on the language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see the line above
  const countries = useMemo(() => countryOptions(countryName, lng), [lng]);
  const set = (key: FindingKey) => (v: string[]) => onChange({ ...value, [key]: v });
  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        justify="flex-start"
        px={0}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls="identification-findings"
        data-testid="finding-toggle"
      >
        {open ? '▾' : '▸'} {t('cases.findings.title')}
      </Button>
      <Collapse expanded={open} id="identification-findings">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('cases.findings.help')}
          </Text>
          <Checks
            label={t('cases.findings.exploitationTypes')}
            values={EXPLOITATION_TYPES}
            value={value.exploitationTypes}
            onChange={set('exploitationTypes')}
            labelOf={(v) => t(`exploitation.${v}`)}
            testId="finding-exploitation"
          />
          {hasSexual(value) && (
            <Checks
              label={t('cases.findings.sexExploitationTypes')}
              values={SEX_EXPLOITATION_TYPES}
              value={value.sexExploitationTypes}
              onChange={set('sexExploitationTypes')}
              labelOf={(v) => t(`sexExploitation.${v}`)}
              testId="finding-sex"
            />
          )}
          {hasLabour(value) && (
            <Checks
              label={t('cases.findings.forcedLabourIndustries')}
              values={FORCED_LABOUR_INDUSTRIES}
              value={value.forcedLabourIndustries}
              onChange={set('forcedLabourIndustries')}
              labelOf={(v) => `${v}. ${t(`isicSection.${v}`)}`}
              testId="finding-industry"
            />
          )}
          <Checks
            label={t('cases.findings.methodsOfControl')}
            values={HTCDS_METHOD_OF_CONTROL_VALUES}
            value={value.methodsOfControl}
            onChange={set('methodsOfControl')}
            labelOf={(v) => t(`methodOfControl.${v}`)}
            testId="finding-control"
          />
          <Checks
            label={t('cases.findings.recruitmentMethods')}
            values={RECRUITMENT_METHODS}
            value={value.recruitmentMethods}
            onChange={set('recruitmentMethods')}
            labelOf={(v) => t(`recruitmentMethod.${v}`)}
            testId="finding-recruitment"
          />
          <Checks
            label={t('cases.findings.perpetrators')}
            values={PERPETRATOR_TYPES}
            value={value.perpetrators}
            onChange={set('perpetrators')}
            labelOf={(v) => t(`perpetrator.${v}`)}
            testId="finding-perpetrator"
          />
          {COUNTRY_FIELDS.map(({ key, id }) => (
            <MultiSelect
              key={key}
              data-testid={`finding-countries-${id}`}
              label={t(`cases.findings.${key}`)}
              placeholder={t('cases.findings.countriesPlaceholder')}
              data={countries}
              value={value[key]}
              onChange={set(key)}
              searchable
              clearable
              maxValues={20}
              nothingFoundMessage={t('cases.findings.noCountry')}
              comboboxProps={{ withinPortal: false }}
            />
          ))}
        </Stack>
      </Collapse>
    </Stack>
  );
}
