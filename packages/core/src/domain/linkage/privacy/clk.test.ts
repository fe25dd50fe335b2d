import { utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iinCheckDigit } from '../../../synthetic/index.ts';
import type { LinkageRecord } from '../linkage-record.ts';
import { bigrams, encodeRecord, type EncodedRecord } from './clk.ts';
import { base64ToBytes, bytesToBase64, dice, diceBase64 } from './dice.ts';
import { compareEncoded, prepareEncoded } from './encoded-comparison.ts';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 255);
const OTHER_KEY = Uint8Array.from({ length: 32 }, (_, i) => (i * 53 + 5) & 255);

const aigerim: LinkageRecord = {
  id: 'r1',
  givenName: 'Әйгерім',
  familyName: 'Нұрланқызы',
  birthDate: '1994-03-17',
  sex: 'ж',
  citizenship: 'kz',
  documentNumber: `94031745012${iinCheckDigit('94031745012') ?? 0}`,
};
const latin: LinkageRecord = { ...aigerim, id: 'r2', givenName: 'AIGERIM', familyName: 'NURLANKYZY', sex: 'F', birthDate: '17.03.1994' };

const fieldDice = (a: EncodedRecord, b: EncodedRecord, f: keyof EncodedRecord['fields']): number => diceBase64(a.fields[f] ?? '', b.fields[f] ?? '');

describe('base64 and Dice', () => {
  it('round-trips base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
    );
    expect(bytesToBase64(utf8ToBytes('foobar'))).toBe('Zm9vYmFy');
    expect(bytesToBase64(utf8ToBytes('fo'))).toBe('Zm8=');
  });

  it('is 1 for equal filters, 0 for disjoint ones, symmetric', () => {
    expect(dice(Uint8Array.of(0b1011, 1), Uint8Array.of(0b1011, 1))).toBe(1);
    expect(dice(Uint8Array.of(0b0101), Uint8Array.of(0b1010))).toBe(0);
    expect(dice(Uint8Array.of(0b0111), Uint8Array.of(0b0001))).toBe(0.5);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.uint8Array({ minLength: 8, maxLength: 8 }), (a, b) => {
        expect(dice(a, b)).toBe(dice(b, a));
      }),
    );
    expect(() => dice(new Uint8Array(2), new Uint8Array(3))).toThrow(RangeError);
  });

  it('pads bigrams', () => expect(bigrams('ab')).toEqual(['_a', 'ab', 'b_']));
});

describe('encodeRecord', () => {
  it('leaks no plain identifier', () => {
    const enc = encodeRecord(aigerim, KEY);
    const text = JSON.stringify({ ...enc, id: '' }).toLowerCase();
    for (const plain of ['әйгерім', 'нұрланқызы', 'aigerim', 'nurlan', 'kizi', '9403174501', '1994', '03-17', '17.03']) {
      expect(text).not.toContain(plain);
    }
    expect(Object.keys(enc.fields).sort()).toEqual([
      'birthDay',
      'birthDigits',
      'birthMonth',
      'birthYear',
      'citizenship',
      'documentIin',
      'family',
      'familyStem',
      'given',
      'givenStem',
      'sex',
    ]);
    expect(base64ToBytes(enc.clk)).toHaveLength(128);
  });

  it('is deterministic for one key and unrelated under another', () => {
    const a = encodeRecord(aigerim, KEY);
    expect(encodeRecord(aigerim, KEY)).toEqual(a);
    const b = encodeRecord(aigerim, OTHER_KEY);
    expect(diceBase64(a.clk, b.clk)).toBeLessThan(0.65); // random ~half-full filters: ≈ 0.5
    for (const f of ['given', 'family', 'birthYear', 'documentIin'] as const) expect(fieldDice(a, b, f)).toBeLessThan(0.3);
    expect(a.blocks.filter((t) => b.blocks.includes(t))).toEqual([]);
  });

  it('encodes cross-script spellings of one name alike', () => {
    const a = encodeRecord(aigerim, KEY);
    const b = encodeRecord(latin, KEY);
    expect(fieldDice(a, b, 'given')).toBeGreaterThanOrEqual(0.95);
    expect(fieldDice(a, b, 'family')).toBeGreaterThanOrEqual(0.95);
    expect(diceBase64(a.clk, b.clk)).toBeGreaterThanOrEqual(0.95);
    expect(a.blocks.some((t) => b.blocks.includes(t))).toBe(true);
    expect(compareEncoded(prepareEncoded(a), prepareEncoded(b)).levels).toEqual({
      given: 'exact',
      family: 'exact',
      patronymic: 'missing',
      birthDate: 'exact',
      document: 'agree',
      sex: 'agree',
      citizenship: 'agree',
      contact: 'missing',
      place: 'missing',
    });
  });

  it('separates different people and grades near spellings', () => {
    const a = encodeRecord(aigerim, KEY);
    const other = encodeRecord({ id: 'r3', givenName: 'Дмитрий', familyName: 'Соколов', birthDate: '1988-11-02', sex: 'M', documentNumber: 'N1234567' }, KEY);
    expect(fieldDice(a, other, 'given')).toBeLessThan(0.3);
    const typo = encodeRecord({ ...latin, id: 'r4', givenName: 'AIGERAM', birthDate: '1994-17-03' }, KEY);
    const v = compareEncoded(prepareEncoded(a), prepareEncoded(typo));
    expect(['jw92', 'jw80']).toContain(v.levels.given);
    const swapped = encodeRecord({ ...latin, id: 'r5', givenName: 'NURLANKYZY', familyName: 'AIGERIM', birthDate: '1994-17-03' }, KEY);
    expect(compareEncoded(prepareEncoded(a), prepareEncoded(swapped))).toMatchObject({ namesSwapped: true, levels: { given: 'exact', family: 'exact' } });
  });

  it('rejects short keys and bad lengths', () => {
    expect(() => encodeRecord(aigerim, new Uint8Array(8))).toThrow(RangeError);
    expect(() => encodeRecord(aigerim, KEY, { ...encodeSchema(), length: 1000 })).toThrow(RangeError);
  });
});

function encodeSchema() {
  return { length: 1024, fieldK: {} as never, clkK: {} as never };
}
