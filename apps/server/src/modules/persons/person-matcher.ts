import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Actor, PersonMatchProbe, PersonMatches } from '@qorgau/core';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { persons } from '../../db/schema.ts';
import { personScope } from './persons.repository.ts';
import { identityNumberIndexOf, nameIndexOf } from './persons.service.ts';
import { personSummary } from './persons.view.ts';

/**
 * Finds existing persons that may be the one being recorded (issue #3 item 7). An interface so
 * the record-linkage work (issue #4) can replace this matcher without touching its callers.
 */
export interface PersonMatcher {
  candidates(db: DbOrTx, actor: Actor, probe: PersonMatchProbe): Promise<PersonMatches['candidates']>;
}

const MAX_CANDIDATES = 10;

/**
 * The first matcher: blind-index agreement. Names are compared as keyed hashes of their
 * script-folded tokens (so «Әйгерім» meets AIGERIM), at least two tokens must agree or the
 * document number must; birth dates are compared after decryption, in memory, for the few
 * candidates only. Only persons whose identity the officer may see are ever considered.
 */
export function blindIndexMatcher(cipher: FieldCipher): PersonMatcher {
  return {
    async candidates(db, actor, probe) {
      const probeIndex = nameIndexOf(cipher, [probe.firstName, probe.secondName, probe.middleName ?? ''].join(' '));
      const idn = probe.identityNumber ? identityNumberIndexOf(cipher, probe.identityNumber) : null;
      if (probeIndex.length === 0 && !idn) return [];
      const overlap = sql<number>`cardinality(ARRAY(SELECT unnest(${persons.nameIndex}) INTERSECT SELECT unnest(${sql.param(probeIndex)}::text[])))`;
      const rows = await db
        .select({ person: persons, overlap })
        .from(persons)
        .where(
          and(
            personScope(actor, 'person.read_identity'),
            or(sql`${persons.nameIndex} && ${sql.param(probeIndex)}::text[]`, idn ? eq(persons.identityNumberIndex, idn) : sql`false`),
          ),
        )
        .orderBy(desc(overlap))
        .limit(50);
      return rows
        .map(({ person, overlap: shared }) => {
          const reasons: PersonMatches['candidates'][number]['reasons'] = [];
          let score = 0;
          const document = idn !== null && person.identityNumberIndex === idn;
          if (document) {
            reasons.push('document');
            score += 0.6;
          }
          if (shared >= 2) {
            reasons.push(shared >= Math.max(probeIndex.length, person.nameIndex.length) ? 'all_name_parts' : 'name');
            score += 0.3 * (shared / Math.max(probeIndex.length, person.nameIndex.length));
          }
          const birthdate = person.birthdateEnc ? cipher.decrypt(person.birthdateEnc, fieldContext('persons', 'birthdate', person.id)) : null;
          if (probe.birthdate && birthdate === probe.birthdate) {
            reasons.push('birthdate');
            score += 0.3;
          } else if (probe.birthdate && birthdate?.slice(0, 4) === probe.birthdate.slice(0, 4)) {
            reasons.push('birth_year');
            score += 0.1;
          }
          return { person: personSummary(cipher, person, true), score: Math.min(1, Number(score.toFixed(3))), reasons, qualifies: document || shared >= 2 };
        })
        .filter((c) => c.qualifies)
        .sort((a, b) => b.score - a.score)
        .slice(0, MAX_CANDIDATES)
        .map(({ qualifies: _, ...c }) => c);
    },
  };
}
