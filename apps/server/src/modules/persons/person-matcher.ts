import { normaliseRecord, type Actor, type PersonMatchProbe, type PersonMatches, type ScoredPair } from '@qorgau/core';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findCandidates } from '../linkage/linkage.repository.ts';
import type { LinkageModelStore } from '../linkage/linkage-model.ts';
import { CANDIDATE_LIMIT, intakeDecision, scoreCandidates } from '../linkage/linkage.service.ts';
import { hashedLinkageKeys } from '../linkage/person-linkage-record.ts';
import { personScope } from './persons.repository.ts';
import { identityNumberIndexOf } from './persons.service.ts';
import { personSummary } from './persons.view.ts';

/**
 * Finds existing persons that may be the one being recorded (issue #3 item 7). An interface so
 * callers do not depend on how candidates are found and scored.
 */
export interface PersonMatcher {
  candidates(db: DbOrTx, actor: Actor, probe: PersonMatchProbe): Promise<PersonMatches['candidates']>;
}

const MAX_CANDIDATES = 10;
type Reason = PersonMatches['candidates'][number]['reasons'][number];

/** The badges shown next to a candidate, read off the comparison vector. */
export function matchReasons(s: ScoredPair): Reason[] {
  const l = s.vector.levels;
  const reasons: Reason[] = [];
  if (l.document === 'agree') reasons.push('document');
  const strong = (level: string) => level === 'exact' || level === 'jw92';
  const names = [l.given, l.family].filter(strong).length;
  if (names === 2 && (l.patronymic === 'missing' || strong(l.patronymic))) reasons.push('all_name_parts');
  else if (names >= 1) reasons.push('name');
  if (l.birthDate === 'exact') reasons.push('birthdate');
  else if (l.birthDate === 'year' || l.birthDate === 'swapped') reasons.push('birth_year');
  return reasons;
}

/**
 * What the officer is shown at her own duplicate check: the model's reading, and also any record
 * in her identity scope with exactly her given and family name, as 'review' (is this her?). A name
 * alone never links two records (ADR 0012) and is not proposed nationally, but the officer about
 * to record someone should see the same-named records she may already hold.
 */
export function duplicateCheckDecision(s: ScoredPair): 'same' | 'review' | 'different' {
  const decision = intakeDecision(s);
  const sameName = s.vector.levels.given === 'exact' && s.vector.levels.family === 'exact';
  return decision === 'different' && sameName ? 'review' : decision;
}

/**
 * The record-linkage matcher (issue #4): candidates share a keyed linkage key (any script,
 * either name order, year-free given+family) or the identity number, inside the officer's
 * identity scope only; each is decrypted in memory and scored by the Fellegi–Sunter model.
 */
export function linkageMatcher(cipher: FieldCipher, models: LinkageModelStore): PersonMatcher {
  return {
    async candidates(db, actor, probe) {
      const record = normaliseRecord({
        id: '',
        givenName: probe.firstName,
        familyName: probe.secondName,
        patronymic: probe.middleName ?? null,
        birthDate: probe.birthdate ?? null,
        documentNumber: probe.identityNumber ?? null,
      });
      const keys = hashedLinkageKeys(cipher, record);
      const identityNumberIndex = probe.identityNumber ? identityNumberIndexOf(cipher, probe.identityNumber) : null;
      const rows = await findCandidates(db, { keys, identityNumberIndex }, { where: personScope(actor, 'person.read_identity'), limit: CANDIDATE_LIMIT });
      const model = await models.current(db);
      return scoreCandidates(cipher, model, record, rows, duplicateCheckDecision)
        .slice(0, MAX_CANDIDATES)
        .map(({ row, scored, decision }) => ({
          person: personSummary(cipher, row, true),
          score: Number(scored.probability.toFixed(4)),
          decision,
          reviewReason: scored.reviewReason,
          reasons: matchReasons(scored),
          explanation: scored.explanation as PersonMatches['candidates'][number]['explanation'],
        }));
    },
  };
}
