import { describe, expect, it } from 'vitest';
import { keyedNameFrequencies, nameFrequenciesOf, partShare, termFrequencyBits } from './term-frequency.ts';
import { syntheticLinkageModel, scoreWithModel } from './intake-keys.ts';
import { normaliseRecord } from './linkage-record.ts';

describe('term-frequency adjustment', () => {
  // Ten women called Aigerim (in three scripts), one called Zhuldyzai; one record each.
  const register = [
    ...Array.from({ length: 10 }, (_, i) => normaliseRecord({ id: `a${i}`, givenName: ['Айгерим', 'AIGERIM', 'Aıgerım'][i % 3], familyName: `Family${i}` })),
    normaliseRecord({ id: 'z', givenName: 'Жұлдызай', familyName: 'Omarova' }),
  ];
  const frequencies = nameFrequenciesOf(register);

  it('counts a name once per record, in any script', () => {
    expect(partShare(register[0]?.given ?? null, frequencies)).toBeCloseTo(10 / 11);
    expect(partShare(register[10]?.given ?? null, frequencies)).toBeCloseTo(1 / 11);
  });

  it('agreeing on a common name is weaker evidence than agreeing on a rare one', () => {
    expect(termFrequencyBits(0.01, 0.1, 0.1)).toBeLessThan(termFrequencyBits(0.01, 0.001, 0.001));
    expect(termFrequencyBits(0.01, 0.01, 0.01)).toBe(0);
    const model = syntheticLinkageModel();
    const pair = (given: string) =>
      [
        normaliseRecord({ id: '1', givenName: given, familyName: 'Saparova', birthDate: '1990-05-12' }),
        normaliseRecord({ id: '2', givenName: given, familyName: 'Saparova', birthDate: '1990-05-12' }),
      ] as const;
    const common = scoreWithModel(...pair('Aigerim'), model, frequencies);
    const rare = scoreWithModel(...pair('Zhuldyzai'), model, frequencies);
    expect(common.vector.levels).toEqual(rare.vector.levels);
    expect(common.score).toBeLessThan(rare.score);
    expect(scoreWithModel(...pair('Aigerim'), model).score).toBeGreaterThan(common.score);
  });

  it('reads keyed frequencies through the key, and unlisted names as rare', () => {
    const keyed = keyedNameFrequencies({ records: 100, rareShare: 0.01, shares: { 'k:aigerim': 0.2 } }, (t) => `k:${t}`);
    expect(keyed.share('aigerim')).toBe(0.2);
    expect(keyed.share('zhuldyzai')).toBe(0.01);
  });
});
