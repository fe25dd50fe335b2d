import { Checkbox, Group, NativeSelect, Stack } from '@mantine/core';
import { CONSENT_GIVERS, CONSENT_SHARES, type ConsentGiver, type ConsentShare } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';

export interface ConsentDraft {
  shares: ConsentShare[];
  validUntil: string;
  givenBy: ConsentGiver;
}

/** What may be shared, until when, given by whom (a child's consent: the guardian's). */
export function ConsentFields({
  value,
  onChange,
  child,
  errors,
}: {
  value: ConsentDraft;
  onChange: (v: ConsentDraft) => void;
  child: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Checkbox.Group
        label={t('referrals.form.shares')}
        value={value.shares}
        onChange={(v) => onChange({ ...value, shares: v as ConsentShare[] })}
        error={errors.shares}
        data-testid="consent-shares"
      >
        <Group gap="sm" mt={4}>
          {CONSENT_SHARES.map((s) => (
            <Checkbox key={s} value={s} label={t(`consentShare.${s}`)} data-testid={`consent-share-${s}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <DateField
        label={t('referrals.form.validUntil')}
        value={value.validUntil}
        onChange={(v) => onChange({ ...value, validUntil: v })}
        error={errors.validUntil}
        data-testid="consent-valid-until"
      />
      <NativeSelect
        label={t('referrals.form.givenBy')}
        description={child ? t('referrals.form.childGuardian') : undefined}
        value={value.givenBy}
        onChange={(e) => onChange({ ...value, givenBy: e.currentTarget.value as ConsentGiver })}
        error={errors.givenBy}
        data-testid="consent-given-by"
        data={CONSENT_GIVERS.map((g) => ({ value: g, label: t(`consentGiver.${g}`) }))}
      />
    </Stack>
  );
}
