import { TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';
import { displayDate, isIsoDate, parseDateInput } from './date-input.ts';

interface DateFieldProps {
  /** ISO YYYY-MM-DD, '' for none; anything else is text that is not (yet) a date. */
  value: string;
  /**
   * Called on every edit with the ISO date when the text is one, '' when the field is empty,
   * and otherwise the text as typed, so that a form never mistakes an unreadable date for none.
   */
  onChange: (value: string) => void;
  label: string;
  error?: string | undefined;
  description?: string;
  withAsterisk?: boolean;
  disabled?: boolean;
  /** ISO bounds, checked with a field-level message. */
  min?: string | undefined;
  max?: string | undefined;
  'data-testid'?: string;
}

/**
 * The one date input of the app: shows and accepts the language's format (kk and ru
 * 31.12.2026, en 31 Dec 2026, also typed as 31.12.2026 or 2026-12-31) instead of the
 * browser's own date control, whose format follows the device's locale and not the page's.
 * Kazakh and Russian get the phone's number pad: eight digits (31122026) are read too.
 */
export function DateField({ value, onChange, label, error, description, withAsterisk, disabled, min, max, 'data-testid': testId }: DateFieldProps) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const shown = (v: string) => (isIsoDate(v) ? displayDate(v, lng) : v);
  const [text, setText] = useState(() => shown(value));
  const [touched, setTouched] = useState(false);
  const emitted = useRef(value);

  const focused = useRef(false);

  // A value set from outside (a restored draft, a cleared filter) is shown anew; an echo of
  // this field's own edit is not, so that the text stays as the person is typing it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shown` is derived from the language.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(shown(value));
  }, [value]);
  // A language switch re-shows a date in the new language's format, unless it is being edited.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the language is the trigger.
  useEffect(() => {
    if (!focused.current && isIsoDate(emitted.current)) setText(shown(emitted.current));
  }, [lng]);

  const parsed = parseDateInput(text);
  const iso = parsed.kind === 'date' ? parsed.iso : null;
  let ownError: string | undefined;
  if (parsed.kind === 'invalid') ownError = t('dateField.invalid');
  else if (iso && min && iso < min) ownError = t('dateField.tooEarly', { date: displayDate(min, lng) });
  else if (iso && max && iso > max) ownError = t('dateField.tooLate', { date: displayDate(max, lng) });

  return (
    <TextInput
      data-testid={testId}
      label={label}
      description={description}
      withAsterisk={withAsterisk}
      disabled={disabled}
      placeholder={t('dateField.placeholder')}
      inputMode={lng === 'en' ? 'text' : 'numeric'}
      autoComplete="off"
      value={text}
      error={error ?? (touched ? ownError : undefined)}
      onChange={(e) => {
        const next = e.currentTarget.value;
        const p = parseDateInput(next);
        const out = p.kind === 'date' ? p.iso : p.kind === 'empty' ? '' : next;
        setText(next);
        emitted.current = out;
        if (out !== value) onChange(out);
      }}
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={() => {
        focused.current = false;
        setTouched(true);
        if (iso) setText(displayDate(iso, lng));
      }}
    />
  );
}
