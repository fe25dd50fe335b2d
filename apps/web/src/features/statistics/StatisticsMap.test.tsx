// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../../../i18n/en.json';
import kk from '../../../../../i18n/kk.json';
import ru from '../../../../../i18n/ru.json';
import { PALETTES, ZERO_COLOUR } from './colour-scale.ts';
import { StatisticsMap } from './StatisticsMap.tsx';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'ru',
    fallbackLng: false,
    resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
});
afterEach(() => cleanup());

const row = (region: string, victims: number, gap: number) => ({
  region,
  victims,
  cases: victims + 1,
  referrals: 0,
  providers: gap ? 0 : 2,
  shelters: gap ? 0 : 1,
  ruralProviders: 0,
  victimsWithoutLocalService: gap,
});
// Almaty city: 10 victims, help there; Ulytau: 3 victims and no provider at all.
const ROWS = [row('KZ-75', 10, 0), row('KZ-62', 3, 3)];

function Harness({ seen, metric = 'victims' as const }: { seen: (string | undefined)[]; metric?: 'victims' | 'gap' }) {
  const [selected, setSelected] = useState<string | undefined>();
  return (
    <MantineProvider>
      <StatisticsMap
        rows={ROWS}
        metric={metric}
        selected={selected}
        onSelect={(r) => {
          seen.push(r);
          setSelected(r);
        }}
      />
    </MantineProvider>
  );
}

describe('the statistics map', () => {
  it('draws the 20 regions as labelled buttons, coloured by the figure, the coverage gap marked', () => {
    render(<Harness seen={[]} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(20);
    const almaty = screen.getByTestId('statistics-region-KZ-75');
    expect(almaty.getAttribute('aria-label')).toBe('город Алматы: Жертвы 10');
    expect(almaty.getAttribute('data-gap')).toBeNull();
    const ulytau = screen.getByTestId('statistics-region-KZ-62');
    expect(ulytau.getAttribute('data-gap')).toBe('true');
    expect(ulytau.getAttribute('aria-label')).toContain('Жертв без помощи в своём регионе: 3');
    // Zero is neutral; 3 of 10 falls in the second of five classes (1-2, 3-4, …).
    expect(screen.getByTestId('statistics-region-KZ-10').querySelector('path')?.getAttribute('fill')).toBe(ZERO_COLOUR);
    expect(ulytau.querySelector('path')?.getAttribute('fill')).toBe(PALETTES.blue[1]);
    expect(screen.getByTestId('statistics-map-legend').textContent).toContain('9–10');
  });

  it('is operated from the keyboard: Enter or Space chooses a region, again clears it', () => {
    const seen: (string | undefined)[] = [];
    render(<Harness seen={seen} />);
    const ulytau = screen.getByTestId('statistics-region-KZ-62');
    expect(ulytau.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(ulytau, { key: 'Enter' });
    expect(seen).toEqual(['KZ-62']);
    expect(screen.getByTestId('statistics-region-KZ-62').getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(screen.getByTestId('statistics-region-KZ-62'), { key: ' ' });
    expect(seen).toEqual(['KZ-62', undefined]);
    fireEvent.keyDown(screen.getByTestId('statistics-region-KZ-75'), { key: 'a' });
    expect(seen).toHaveLength(2);
    fireEvent.click(screen.getByTestId('statistics-region-KZ-75'));
    expect(seen.at(-1)).toBe('KZ-75');
  });

  it('on the coverage-gap metric colours only regions with victims and no local service', () => {
    render(<Harness seen={[]} metric="gap" />);
    expect(screen.getByTestId('statistics-region-KZ-75').getAttribute('data-value')).toBe('0');
    expect(screen.getByTestId('statistics-region-KZ-62').getAttribute('data-value')).toBe('3');
    expect(screen.getByTestId('statistics-region-KZ-62').querySelector('path')?.getAttribute('fill')).toBe(PALETTES.orange[4]);
  });
});
