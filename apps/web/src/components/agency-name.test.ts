import { describe, expect, it } from 'vitest';
import { agencyName } from './format.ts';

const names = { kk: 'Алматы қалалық соты', ru: 'Алматинский городской суд', en: 'Almaty City Court' };

describe('agencyName', () => {
  it('picks the name in the reader’s language', () => {
    expect(agencyName(names, 'kk')).toBe(names.kk);
    expect(agencyName(names, 'ru')).toBe(names.ru);
    expect(agencyName(names, 'en')).toBe(names.en);
  });

  it('falls back to another language only when one is empty, and shows nothing for no agency', () => {
    expect(agencyName({ ...names, en: '' }, 'en')).toBe(names.ru);
    expect(agencyName({ kk: 'Сот', ru: '', en: '' }, 'ru')).toBe('Сот');
    expect(agencyName(null, 'kk')).toBe('');
    expect(agencyName(undefined, 'en')).toBe('');
  });
});
