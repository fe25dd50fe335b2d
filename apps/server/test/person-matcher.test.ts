import { normaliseRecord, scoreWithModel, syntheticLinkageModel, type LinkageRecord } from '@qorgau/core';
import { describe, expect, it } from 'vitest';
import { intakeDecision } from '../src/modules/linkage/linkage.service.ts';
import { matchReasons } from '../src/modules/persons/person-matcher.ts';

const model = syntheticLinkageModel(1500);
const score = (a: LinkageRecord, b: LinkageRecord) => scoreWithModel(normaliseRecord(a), normaliseRecord(b), model);
const her: LinkageRecord = { id: 'a', givenName: 'Гүлнар', familyName: 'Серікбаева', birthDate: '1990-07-01', documentNumber: '900701400123' };

describe('what the officer is shown for a candidate', () => {
  it('badges read off the comparison: document, all name parts, birth date or year', () => {
    expect(matchReasons(score(her, { ...her, id: 'b', givenName: 'GULNAR', familyName: 'SERIKBAEVA' }))).toEqual(['document', 'all_name_parts', 'birthdate']);
    expect(matchReasons(score(her, { id: 'b', givenName: 'Gulnar', familyName: 'Ospanova', birthDate: '1990' }))).toEqual(['name', 'birth_year']);
  });

  it('a shared identity number is at least "review", whatever the names say; otherwise the model decides', () => {
    const typo = score(her, { id: 'b', givenName: 'Zarina', familyName: 'Oralova', birthDate: '1971-02-03', documentNumber: '900701400123' });
    expect(typo.decision).toBe('different');
    expect(intakeDecision(typo)).toBe('review');
    const stranger = score(her, { id: 'b', givenName: 'Zarina', familyName: 'Oralova', birthDate: '1971-02-03' });
    expect(intakeDecision(stranger)).toBe('different');
  });
});
