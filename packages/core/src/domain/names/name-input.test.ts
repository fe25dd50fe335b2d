import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasBidiControl, nameIssue, visibleText } from './name-input.ts';

const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u034F', '\uFE0F', '\u3164', ' ', '\u00A0', '\u3000', '\t'];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
/** Letters of the scripts names are typed in here: Kazakh and Russian Cyrillic, Latin, Arabic. */
const LETTERS = [...'әғқңөұүһіабвгдеёжзийклмнопрстуфхцчшщъыьэюяAZaz', 'ش', 'ع'];

const invisibleOnly = fc.array(fc.constantFrom(...INVISIBLES), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const visibleName = fc
  .tuple(fc.array(fc.constantFrom(...INVISIBLES), { maxLength: 3 }), fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 20 }))
  .chain(([inv, letters]) => fc.shuffledSubarray([...inv, ...letters], { minLength: inv.length + letters.length }))
  .map((chars) => chars.join(''));

describe('nameIssue: a name must show what it holds', () => {
  it('refuses any text made only of invisible characters and spaces', () => {
    fc.assert(
      fc.property(invisibleOnly, (s) => {
        expect(nameIssue(s)).toBe('name_invisible');
      }),
    );
  });

  it('accepts a name with at least one letter, joiners and soft hyphens included', () => {
    fc.assert(
      fc.property(visibleName, (s) => {
        expect(nameIssue(s)).toBeNull();
      }),
    );
    expect(nameIssue('Ай\u00ADгерім')).toBeNull();
    expect(nameIssue('می\u200Cخواهم')).toBeNull();
  });

  it('refuses every bidirectional control wherever it sits in a name', () => {
    fc.assert(
      fc.property(visibleName, fc.constantFrom(...BIDI), fc.nat(), (name, control, at) => {
        const i = at % (name.length + 1);
        expect(nameIssue(name.slice(0, i) + control + name.slice(i))).toBe('bidi_control');
      }),
    );
  });

  it('leaves an empty string to the caller (an optional middle name)', () => {
    expect(nameIssue('')).toBeNull();
  });

  it('visibleText keeps every letter and drops only invisible characters', () => {
    fc.assert(
      fc.property(visibleName, (s) => {
        expect([...visibleText(s)].every((c) => LETTERS.includes(c))).toBe(true);
      }),
    );
    expect(visibleText('\u200BАйгерім\u200B')).toBe('Айгерім');
    expect(hasBidiControl('Akmaral\u202Eabc')).toBe(true);
    expect(hasBidiControl('اکمارال')).toBe(false);
  });
});
