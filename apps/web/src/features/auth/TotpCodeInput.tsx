import { TextInput } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange: (digits: string) => void;
  description: string;
  error?: string | null;
}

/** The six-digit authenticator code: numeric keypad on phones, OS autofill, digits only. */
export const TotpCodeInput = forwardRef<HTMLInputElement, Props>(function TotpCodeInput({ value, onChange, description, error }, ref) {
  const { t } = useTranslation();
  return (
    <TextInput
      ref={ref}
      data-testid="totp-code"
      label={t('auth.code')}
      description={description}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, ''))}
      error={error ?? undefined}
    />
  );
});
