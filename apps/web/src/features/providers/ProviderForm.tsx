import { Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import {
  type CreateProviderBody,
  MAX_PROVIDER_PLACES,
  PROVIDER_ELIGIBILITY,
  PROVIDER_FUNDING,
  PROVIDER_KINDS,
  PROVIDER_SERVICES,
  type Provider,
  SCREENING_LANGUAGES,
  SETTLEMENTS,
} from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { agencyName, regionOptions } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useAgencies } from '../users/api.ts';

/** The languages a provider may speak, named in the reader's language (the screening languages). */
const LANGUAGES = SCREENING_LANGUAGES.filter((l) => l !== 'other');

type Values = Omit<CreateProviderBody, 'district' | 'phone' | 'email' | 'address' | 'answerWithinHours'> & {
  district: string;
  phone: string;
  email: string;
  address: string;
  answerWithinHours: number | '';
};

const blank = (): Values => ({
  name: { kk: '', ru: '', en: '' },
  agencyId: '',
  kind: 'shelter',
  services: ['shelter'],
  regionCode: 'KZ-75',
  district: '',
  settlement: 'urban',
  eligibility: ['adults', 'women'],
  capacity: 0,
  occupancy: 0,
  languages: ['kk', 'ru'],
  funding: 'government',
  phone: '',
  email: '',
  address: '',
  answerWithinHours: '',
  active: true,
});

const fromProvider = (p: Provider): Values => ({
  ...p,
  district: p.district ?? '',
  phone: p.contacts.phone ?? '',
  email: p.contacts.email ?? '',
  address: p.contacts.address ?? '',
  answerWithinHours: p.answerWithinHours ?? '',
});

/** The body the server takes: empty optional texts as null. */
function bodyOf(v: Values, withAgency: boolean): CreateProviderBody {
  const { agencyId, ...rest } = v;
  return {
    ...rest,
    agencyId: withAgency ? agencyId : (undefined as unknown as string),
    district: v.district.trim() || null,
    phone: v.phone.replace(/[\s()-]/g, '') || null,
    email: v.email.trim() || null,
    address: v.address.trim() || null,
    answerWithinHours: v.answerWithinHours === '' ? null : v.answerWithinHours,
  };
}

/** Create (administrator) or edit an entry. `agency`: the administrator picks who runs it; a manager cannot move it. */
export function ProviderForm(props: {
  provider: Provider | null;
  chooseAgency: boolean;
  saving: boolean;
  error: unknown;
  onSave: (b: CreateProviderBody) => void;
}) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const agencies = useAgencies(props.chooseAgency);
  const [v, setV] = useState<Values>(props.provider ? fromProvider(props.provider) : blank());
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));
  const e = fieldErrors(props.error);
  const agencyOptions = [...(agencies.data?.items ?? [])]
    .filter((a) => !a.disabled)
    .map((a) => ({ value: a.id, label: agencyName(a.name, lng) }))
    .sort((a, b) => a.label.localeCompare(b.label, lng));
  return (
    <form
      data-testid="provider-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        props.onSave(bodyOf(v, props.chooseAgency));
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {(['kk', 'ru', 'en'] as const).map((l) => (
            <TextInput
              key={l}
              required
              data-testid={`provider-name-${l}`}
              label={t(`providers.fields.name_${l}`)}
              value={v.name[l]}
              onChange={(ev) => set('name', { ...v.name, [l]: ev.currentTarget.value })}
              error={e[`name.${l}`]}
            />
          ))}
        </SimpleGrid>
        {props.chooseAgency && (
          <NativeSelect
            required
            data-testid="provider-agency"
            label={t('providers.fields.agency')}
            value={v.agencyId}
            onChange={(ev) => set('agencyId', ev.currentTarget.value)}
            data={[{ value: '', label: t('providers.chooseAgency') }, ...agencyOptions]}
            error={e.agencyId}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            data-testid="provider-kind"
            label={t('providers.fields.kind')}
            value={v.kind}
            onChange={(ev) => set('kind', ev.currentTarget.value as Values['kind'])}
            data={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providerKind.${k}`) }))}
          />
          <NativeSelect
            data-testid="provider-region"
            label={t('providers.fields.region')}
            value={v.regionCode}
            onChange={(ev) => set('regionCode', ev.currentTarget.value as Values['regionCode'])}
            data={regionOptions(lng)}
            error={e.regionCode}
          />
          <NativeSelect
            label={t('providers.fields.settlement')}
            value={v.settlement}
            onChange={(ev) => set('settlement', ev.currentTarget.value as Values['settlement'])}
            data={SETTLEMENTS.map((s) => ({ value: s, label: t(`settlement.${s}`) }))}
          />
        </SimpleGrid>
        <Checkbox.Group label={t('providers.fields.services')} value={v.services} onChange={(x) => set('services', x as Values['services'])} error={e.services}>
          <Group gap="md" mt={4}>
            {PROVIDER_SERVICES.map((s) => (
              <Checkbox key={s} value={s} label={t(`providerService.${s}`)} data-testid={`provider-service-${s}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('providers.fields.eligibility')}
          description={t('providers.eligibilityHelp')}
          value={v.eligibility}
          onChange={(x) => set('eligibility', x as Values['eligibility'])}
          error={e.eligibility}
        >
          <Group gap="md" mt={4}>
            {PROVIDER_ELIGIBILITY.map((s) => (
              <Checkbox key={s} value={s} label={t(`providerEligibility.${s}`)} data-testid={`provider-eligibility-${s}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            data-testid="provider-capacity"
            label={t('providers.fields.capacity')}
            min={0}
            max={MAX_PROVIDER_PLACES}
            allowDecimal={false}
            allowNegative={false}
            value={v.capacity}
            onChange={(x) => set('capacity', typeof x === 'number' ? x : 0)}
            error={e.capacity}
          />
          <NumberInput
            data-testid="provider-occupancy"
            label={t('providers.fields.occupancy')}
            min={0}
            max={MAX_PROVIDER_PLACES}
            allowDecimal={false}
            allowNegative={false}
            value={v.occupancy}
            onChange={(x) => set('occupancy', typeof x === 'number' ? x : 0)}
            error={e.occupancy}
          />
          <NativeSelect
            label={t('providers.fields.funding')}
            value={v.funding}
            onChange={(ev) => set('funding', ev.currentTarget.value as Values['funding'])}
            data={PROVIDER_FUNDING.map((f) => ({ value: f, label: t(`providerFunding.${f}`) }))}
          />
          <NumberInput
            label={t('providers.fields.answerWithinHours')}
            min={1}
            max={720}
            allowDecimal={false}
            value={v.answerWithinHours}
            onChange={(x) => set('answerWithinHours', typeof x === 'number' ? x : '')}
            error={e.answerWithinHours}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            data-testid="provider-phone"
            label={t('providers.fields.phone')}
            description={t('providers.phoneHelp')}
            type="tel"
            value={v.phone}
            onChange={(ev) => set('phone', ev.currentTarget.value)}
            error={e.phone}
          />
          <TextInput
            data-testid="provider-email"
            label={t('providers.fields.email')}
            type="email"
            value={v.email}
            onChange={(ev) => set('email', ev.currentTarget.value)}
            error={e.email}
          />
          <TextInput label={t('providers.fields.district')} value={v.district} onChange={(ev) => set('district', ev.currentTarget.value)} error={e.district} />
          <TextInput label={t('providers.fields.address')} value={v.address} onChange={(ev) => set('address', ev.currentTarget.value)} error={e.address} />
        </SimpleGrid>
        <Checkbox.Group label={t('providers.fields.languages')} value={v.languages} onChange={(x) => set('languages', x)} error={e.languages}>
          <Group gap="md" mt={4}>
            {LANGUAGES.map((l) => (
              <Checkbox key={l} value={l} label={t(`screeningLanguage.${l}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {props.provider && (
          <Switch label={t('providers.fields.active')} checked={v.active ?? true} onChange={(ev) => set('active', ev.currentTarget.checked)} />
        )}
        {props.error !== null && props.error !== undefined && Object.keys(e).length === 0 && <ErrorAlert error={props.error} />}
        <Group>
          <Button type="submit" loading={props.saving} data-testid="provider-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
