import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { kk } from './kk.ts';
import { tengeFigure, tengeToUsd } from './numbers.ts';
import { ru } from './ru.ts';

describe('money', () => {
  it('turns tenge into dollars at the stated rate, to the nearest ten dollars (the TIP 2023 figures)', () => {
    expect(tengeToUsd(101_000_000, 462.54)).toBe(218_360);
    expect(tengeToUsd(107_000_000, 462.54)).toBe(231_330);
    expect(tengeToUsd(1_200_000, 462.54)).toBe(2_590);
    expect(tengeToUsd(1_200_000, null)).toBeNull();
    expect(tengeToUsd(1_200_000, 0)).toBeNull();
  });

  it('writes millions and billions with at most one decimal, smaller amounts whole', () => {
    expect(tengeFigure('en', 101_000_000)).toMatchObject({ figure: '101', scale: 'million' });
    expect(tengeFigure('en', 1_234_567)).toMatchObject({ figure: '1.2', scale: 'million' });
    expect(tengeFigure('ru', 1_250_000)).toMatchObject({ figure: '1,3', scale: 'million' });
    expect(tengeFigure('en', 999_960_000)).toMatchObject({ figure: '1', scale: 'billion' });
    expect(tengeFigure('kk', 2_540_000_000)).toMatchObject({ figure: '2,5', scale: 'billion' });
    expect(tengeFigure('en', 950_000)).toMatchObject({ figure: '950,000', scale: null });
  });

  it('words the same amount in each language', () => {
    const sentence = (L: typeof en) => L.shelterFunding(2022, { tenge: 2_540_000_000, usd: 5_400_000 }, 3, null);
    expect(sentence(en)).toBe('The government allocated 2.5 billion tenge ($5,400,000) in 2022 to fund three trafficking shelters.');
    expect(sentence(ru)).toBe(
      'Правительство выделило 2,5 млрд тенге (5\u00a0400\u00a0000 долларов США) в 2022 году на финансирование трёх приютов для жертв торговли людьми.',
    );
    expect(sentence(kk)).toBe(
      'Үкімет 2022 жылы адам саудасы құрбандарына арналған үш баспананы қаржыландыруға 2,5 млрд теңге (5\u00a0400\u00a0000 АҚШ доллары) бөлді.',
    );
  });
});
