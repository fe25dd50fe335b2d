import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { AGENCY_TYPES, type Agency } from '@qorgau/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { regionOptions } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCreateAgency, useUpdateAgency } from './api.ts';

export function AgencyFormModal({ agency, onClose }: { agency: Agency | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [name, setName] = useState(agency?.name ?? '');
  const [type, setType] = useState<string>(agency?.type ?? '');
  const [regionCode, setRegionCode] = useState(agency?.regionCode ?? '');
  const [missing, setMissing] = useState<string[]>([]);
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const mutation = agency ? update : create;
  const server = fieldErrors(mutation.error);
  const err = (f: string) => (missing.includes(f) ? t('validation.required') : server[f]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const miss = [!name.trim() ? 'name' : '', !type ? 'type' : ''].filter(Boolean);
    setMissing(miss);
    if (miss.length > 0) return;
    const body = { name: name.trim(), type: type as Agency['type'], regionCode: regionCode || null };
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
          <TextInput
            data-testid="agency-name"
            label={t('agencies.fields.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('name')}
          />
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
