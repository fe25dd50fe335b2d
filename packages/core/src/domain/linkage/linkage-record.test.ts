import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIin, Rng } from '../../synthetic/index.ts';
import { normaliseRecord, parseBirthDate, parseSex, stripNameSuffix } from './linkage-record.ts';

describe('parseBirthDate', () => {
  it('reads full, partial, swapped and year-only dates', () => {
    expect(parseBirthDate('1990-05-17')).toEqual({ year: 1990, month: 5, day: 17 });
    expect(parseBirthDate('17.05.1990')).toEqual({ year: 1990, month: 5, day: 17 });
    expect(parseBirthDate('17/05/1990')).toEqual({ year: 1990, month: 5, day: 17 });
    expect(parseBirthDate('1990-17-05')).toEqual({ year: 1990, month: 5, day: 17 }); // swapped
    expect(parseBirthDate('05.1990')).toEqual({ year: 1990, month: 5 });
    expect(parseBirthDate('1990')).toEqual({ year: 1990 });
    expect(parseBirthDate('1990-00-00')).toEqual({ year: 1990 });
    expect(parseBirthDate('1990-05-17T00:00:00Z')).toEqual({ year: 1990, month: 5, day: 17 });
  });
  it('reads YYYYMMDD as FEBRL writes it, with unknown parts and a time', () => {
    expect(parseBirthDate('19900517')).toEqual({ year: 1990, month: 5, day: 17 });
    expect(parseBirthDate(' 19900500 ')).toEqual({ year: 1990, month: 5 });
    expect(parseBirthDate('19900000')).toEqual({ year: 1990 });
    expect(parseBirthDate('19901705')).toEqual({ year: 1990, month: 5, day: 17 }); // swapped
    expect(parseBirthDate('19900517 00:00')).toEqual({ year: 1990, month: 5, day: 17 });
    expect(parseBirthDate('17-05-1990')).toEqual({ year: 1990, month: 5, day: 17 });
    expect(parseBirthDate('1990-05')).toEqual({ year: 1990, month: 5 });
    expect(parseBirthDate('00.05.1990')).toEqual({ year: 1990, month: 5 });
  });
  it('reads every calendar date alike in each written form (property)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const expected = { year: y, month: m, day: d };
        for (const form of [`${y}-${two(m)}-${two(d)}`, `${y}${two(m)}${two(d)}`, `${two(d)}.${two(m)}.${y}`, `${d}/${m}/${y}`]) {
          expect(parseBirthDate(form), form).toEqual(expected);
        }
      }),
    );
  });
  it('rejects what is not a date', () => {
    for (const s of ['', 'unknown', '1990-13-13', '32.13.1990', '90-05-17', '1990051', '199005170', '19901313', '17051990', null, undefined]) {
      expect(parseBirthDate(s), String(s)).toBeNull();
    }
  });
});

describe('names', () => {
  it('strips surname and patronymic suffixes after folding, keeping a stem of 3+ letters', () => {
    expect(stripNameSuffix('saparova')).toBe('sapar');
    expect(stripNameSuffix('saparov')).toBe('sapar');
    expect(stripNameSuffix('nurlankizi')).toBe('nurlan');
    expect(stripNameSuffix('muratovich')).toBe('murat');
    expect(stripNameSuffix('andreevna')).toBe('andre');
    expect(stripNameSuffix('lev')).toBe('lev');
  });

  it('meets across scripts and suffixes', () => {
    const kk = normaliseRecord({ id: '1', givenName: 'Әйгерім', familyName: 'Сапарова', patronymic: 'Нұрланқызы' });
    const pass = normaliseRecord({ id: '2', givenName: 'AIGERIM', familyName: 'SAPAROV', patronymic: 'NURLANKYZY' });
    const latn = normaliseRecord({ id: '3', givenName: 'Äigerım', familyName: 'Saparova', patronymic: 'Nūrlan qyzy' });
    expect(kk.given?.skeleton).toBe(pass.given?.skeleton);
    expect(kk.family?.stem).toBe('sapar');
    expect(pass.family?.stem).toBe('sapar');
    expect(kk.patronymic?.stem).toBe('nurlan');
    expect(latn.patronymic?.stem).toBe('nurlan');
    expect(kk.nameTokens).toContain('sapar');
    expect(kk.nameTokens).toContain('saparova');
  });

  it('takes a full name in any order as a token set', () => {
    const a = normaliseRecord({ id: 'a', fullName: 'Сапаров Қанат Муратович' });
    const b = normaliseRecord({ id: 'b', fullName: 'KANAT SAPAROV' });
    expect(a.family?.skeleton).toBe('saparov');
    expect(a.given?.skeleton).toBe('kanat');
    expect(a.patronymic?.stem).toBe('murat');
    expect(b.nameTokens.filter((t) => a.nameTokens.includes(t))).toEqual(['kanat', 'sapar', 'saparov']);
  });
});

describe('other fields', () => {
  it('normalises sex, citizenship and documents', () => {
    expect(parseSex('Feminine')).toBe('F');
    expect(parseSex('м')).toBe('M');
    expect(parseSex('?')).toBeNull();
    const r = normaliseRecord({ id: 'x', citizenship: ' kz ', documentNumber: '841212 344309', sex: 'male' });
    expect(r).toMatchObject({ citizenship: 'KZ', document: '841212344309', documentIsIin: true, sex: 'M' });
    expect(normaliseRecord({ id: 'y', documentNumber: 'N02285487' })).toMatchObject({ document: '02285487', documentIsIin: false });
    expect(normaliseRecord({ id: 'z', documentNumber: '—' }).document).toBeNull();
  });
  it('reads citizenship written as any code or name, and drops what it does not understand', () => {
    for (const written of ['KZ', 'kaz', '398', 'Республика Казахстан', 'Қазақстан', 'Kazakhstan '])
      expect(normaliseRecord({ id: 'c', citizenship: written }).citizenship, written).toBe('KZ');
    for (const garbage of ['XX', '???', '12345']) expect(normaliseRecord({ id: 'g', citizenship: garbage }).citizenship, garbage).toBeNull();
  });
});

describe('the birth date and sex inside an IIN', () => {
  it('fill a record that has the number but not the date or sex, for any valid IIN (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2025 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.boolean(),
        fc.integer(),
        (year, month, day, female, seed) => {
          const iin = makeIin(new Rng(seed), { year, month, day }, female);
          const r = normaliseRecord({ id: 'x', documentNumber: iin });
          expect(r.documentIsIin).toBe(true);
          expect(r.birth).toEqual({ year, month, day });
          expect(r.sex).toBe(female ? 'F' : 'M');
        },
      ),
    );
  });

  it('never replace what the record states, and ignore an invalid number', () => {
    const iin = makeIin(new Rng(1), { year: 1990, month: 5, day: 17 }, true);
    expect(normaliseRecord({ id: 'x', documentNumber: iin, birthDate: '1991-01-02', sex: 'M' })).toMatchObject({
      birth: { year: 1991, month: 1, day: 2 },
      sex: 'M',
    });
    const broken = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    expect(normaliseRecord({ id: 'x', documentNumber: broken })).toMatchObject({ birth: null, sex: null, documentIsIin: false });
  });
});
