// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../../i18n/en.json';
import kk from '../../../../i18n/kk.json';
import ru from '../../../../i18n/ru.json';
import { DateField } from './DateField.tsx';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'ru',
    fallbackLng: false,
    resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
});
afterEach(async () => {
  cleanup();
  await act(() => i18next.changeLanguage('ru'));
});

/** The field inside a form that keeps its value, as the real forms do; `seen` records every value handed up. */
function Harness({ initial, seen, max }: { initial: string; seen: string[]; max?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <MantineProvider>
      <DateField
        data-testid="d"
        label="Date"
        value={value}
        max={max}
        onChange={(v) => {
          seen.push(v);
          setValue(v);
        }}
      />
      <output data-testid="value">{value}</output>
    </MantineProvider>
  );
}

const input = () => screen.getByTestId('d') as HTMLInputElement;
const type = (text: string) => fireEvent.change(input(), { target: { value: text } });

describe('DateField', () => {
  it('shows a stored ISO date in the language format and keeps ISO in the form', async () => {
    render(<Harness initial="1990-05-01" seen={[]} />);
    expect(input().value).toBe('01.05.1990');
    expect(input().inputMode).toBe('numeric');
    await act(() => i18next.changeLanguage('en'));
    expect(input().value).toBe('1 May 1990');
    expect(screen.getByTestId('value').textContent).toBe('1990-05-01');
  });

  it('accepts 31.12.2026 typed, stores 2026-12-31 and tidies the text on leaving', () => {
    const seen: string[] = [];
    render(<Harness initial="" seen={seen} />);
    type('31122026');
    expect(seen.at(-1)).toBe('2026-12-31');
    fireEvent.blur(input());
    expect(input().value).toBe('31.12.2026');
    expect(screen.getByTestId('value').textContent).toBe('2026-12-31');
  });

  it('in English shows 31 Dec 2026 for 2026-12-31 typed', async () => {
    await act(() => i18next.changeLanguage('en'));
    render(<Harness initial="" seen={[]} />);
    type('2026-12-31');
    fireEvent.blur(input());
    expect(input().value).toBe('31 Dec 2026');
  });

  it('an impossible date gets a translated field-level error and is not taken for an empty field', async () => {
    await act(() => i18next.changeLanguage('kk'));
    const seen: string[] = [];
    render(<Harness initial="" seen={seen} />);
    type('31.02.2026');
    fireEvent.blur(input());
    expect(seen.at(-1)).toBe('31.02.2026');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(kk.dateField.invalid)).toBeTruthy();
  });

  it('a date after the maximum is flagged with the bound in the language format', () => {
    render(<Harness initial="" seen={[]} max="2026-06-30" />);
    type('01.07.2026');
    fireEvent.blur(input());
    expect(screen.getByText('Не позже 30.06.2026')).toBeTruthy();
  });

  it('clearing the field hands up an empty value', () => {
    const seen: string[] = [];
    render(<Harness initial="2026-01-02" seen={seen} />);
    type('');
    expect(seen.at(-1)).toBe('');
  });
});
