import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { AGENCY_TYPES, NAME_LANGUAGES, type Agency, type LocalizedName } from '@qorgau/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { regionOptions } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCreateAgency, useUpdateAgency } from './api.ts';

type NameLanguage = (typeof NAME_LANGUAGES)[number];
const NAME_LABEL: Record<NameLanguage, 'agencies.fields.nameKk' | 'agencies.fields.nameRu' | 'agencies.fields.nameEn'> = {
  kk: 'agencies.fields.nameKk',
  ru: 'agencies.fields.nameRu',
  en: 'agencies.fields.nameEn',
};
/** The contract's shortest name (core LocalizedNameBody): checked here so the form says so before sending. */
const NAME_MIN = 2;

export function AgencyFormModal({ agency, onClose }: { agency: Agency | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [name, setName] = useState<LocalizedName>(agency?.name ?? { kk: '', ru: '', en: '' });
  const [type, setType] = useState<string>(agency?.type ?? '');
  const [regionCode, setRegionCode] = useState(agency?.regionCode ?? '');
  const [missing, setMissing] = useState<string[]>([]);
  const [short, setShort] = useState<string[]>([]);
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const mutation = agency ? update : create;
  const server = fieldErrors(mutation.error);
  const err = (f: string) =>
    missing.includes(f)
      ? t('validation.required')
      : short.includes(f)
        ? t('validation.too_small', { minimum: NAME_MIN })
        : (server[f] ?? (f === 'name.kk' ? server.name : undefined));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = { kk: name.kk.trim(), ru: name.ru.trim(), en: name.en.trim() };
    const miss = [...NAME_LANGUAGES.filter((l) => !trimmed[l]).map((l) => `name.${l}`), !type ? 'type' : ''].filter(Boolean);
    const tooShort = NAME_LANGUAGES.filter((l) => trimmed[l] && trimmed[l].length < NAME_MIN).map((l) => `name.${l}`);
    setMissing(miss);
    setShort(tooShort);
    if (miss.length > 0 || tooShort.length > 0) return;
    const body = { name: trimmed, type: type as Agency['type'], regionCode: regionCode || null };
    if (agency) update.mutate({ id: agency.id, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={agency ? t('agencies.form.editTitle') : t('agencies.form.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={mutation.error} />
          <Text size="sm">{t('agencies.form.namesHint')}</Text>
          {NAME_LANGUAGES.map((l) => (
            <TextInput
              key={l}
              data-testid={`agency-name-${l}`}
              label={t(NAME_LABEL[l])}
              lang={l}
              required
              maxLength={200}
              value={name[l]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setName((n) => ({ ...n, [l]: value }));
              }}
              error={err(`name.${l}`)}
            />
          ))}
          <NativeSelect
            data-testid="agency-type"
            label={t('agencies.fields.type')}
            value={type}
            onChange={(e) => setType(e.currentTarget.value)}
            data={[{ value: '', label: t('common.choose') }, ...AGENCY_TYPES.map((a) => ({ value: a, label: t(`agencyTypes.${a}`) }))]}
            error={err('type')}
          />
          <NativeSelect
            data-testid="agency-region"
            label={t('agencies.fields.region')}
            value={regionCode}
            onChange={(e) => setRegionCode(e.currentTarget.value)}
            data={[{ value: '', label: t('agencies.nationalLevel') }, ...regionOptions(lng)]}
            error={err('regionCode')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" data-testid="agency-submit" loading={mutation.isPending}>
              {agency ? t('common.save') : t('agencies.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
