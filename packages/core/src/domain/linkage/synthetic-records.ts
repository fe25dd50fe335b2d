import type { SyntheticPerson } from '../../synthetic/index.ts';
import type { LinkageRecord } from './linkage-record.ts';

/** A synthetic person as the linkage engine reads it (its index is the id). */
export const toLinkageRecord = (p: SyntheticPerson): LinkageRecord => ({
  id: String(p.index),
  givenName: p.firstName,
  familyName: p.secondName,
  patronymic: p.middleName,
  birthDate: p.birthdate,
  sex: p.gender,
  citizenship: p.citizenship,
  documentNumber: p.identityNumber,
});

/**
 * Harder input than the generator writes, for accuracy tests and benchmarks: deterministically
 * (by index) some records get day and month swapped, a year-only or DD.MM.YYYY date, given and
 * family names swapped, or only a full name in "family given patronymic" order.
 */
export function perturbedLinkageRecord(p: SyntheticPerson): LinkageRecord {
  const r = toLinkageRecord(p);
  const [y, m, d] = p.birthdate.split('-');
  switch (p.index % 20) {
    case 1:
      return Number(d) <= 12 ? { ...r, birthDate: `${y}-${d}-${m}` } : r;
    case 3:
      return { ...r, birthDate: y ?? null };
    case 5:
      return { ...r, birthDate: `${d}.${m}.${y}` };
    case 7:
      return { ...r, givenName: p.secondName, familyName: p.firstName };
    case 9:
      return { id: r.id, fullName: [p.secondName, p.firstName, p.middleName ?? ''].join(' '), birthDate: r.birthDate, documentNumber: r.documentNumber };
    default:
      return r;
  }
}
