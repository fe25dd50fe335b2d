import { randomUUID } from 'node:crypto';
import {
  DomainError,
  detectScript,
  isDomainError,
  LINKAGE_KEYS_VERSION,
  nameSearchTokens,
  normaliseRecord,
  type CreatePersonBody,
  type LinkageRecord,
  type NormalisedRecord,
  type Person,
  type PersonMatches,
  type PersonMatchProbe,
  type PersonSummary,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';
import { pooledRandomBytes } from '../../crypto/random-pool.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { refuseFutureDates } from '../../http/future-dates.ts';
import { listCaseRefsOfPerson } from '../cases/cases.repository.ts';
import { findPersonIdByClientId, getPerson, insertPerson, listPersons, type NewPersonRow } from './persons.repository.ts';
import { linkageMatcher } from './person-matcher.ts';
import { modelStoreFor } from '../linkage/linkage-model.ts';
import { linkNewRecord, recordHumanDecision } from '../linkage/linkage.service.ts';
import { hashedLinkageKeys, nameTokenKey } from '../linkage/person-linkage-record.ts';
import { personSummary, personView } from './persons.view.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/**
 * A random, non-identifying label (50 bits), e.g. P-4F7K2Q9MXA. Why 50: with 40 bits a
 * register of a million persons holds a colliding pair with odds near one in two (the
 * birthday bound); with 50 bits, about one in 2,000.
 */
export function newPseudonym(): string {
  const bytes = pooledRandomBytes(10);
  return `P-${Array.from(bytes, (b) => CROCKFORD[b % 32]).join('')}`;
}

/** Blind index of a name: keyed hashes of its normalised tokens (any script folds to one key). */
export const nameIndexOf = (cipher: FieldCipher, text: string): string[] => nameSearchTokens(text).map((t) => nameTokenKey(cipher, t));

/** Keyed hash of an identity number, normalised (spaces, dashes, case) for exact matching. */
export const identityNumberIndexOf = (cipher: FieldCipher, value: string): string => cipher.blindIndex(`idn:${value.replace(/[\s-]/g, '').toUpperCase()}`);

/**
 * The name search indexes of a person (the name index for search, the linkage keys for the
 * duplicate check), from one normalisation of the decrypted fields; also the normalised
 * record, for linking it. Used on insert and by the bulk job's key rebuild alike.
 */
export function searchIndexesOf(cipher: FieldCipher, r: LinkageRecord) {
  const linkage = normaliseRecord(r);
  return {
    linkage,
    columns: {
      nameIndex: nameIndexOf(cipher, [r.givenName, r.familyName, r.patronymic ?? ''].join(' ')),
      linkageKeys: hashedLinkageKeys(cipher, linkage),
      linkageKeysVersion: LINKAGE_KEYS_VERSION,
    },
  };
}

/** A new person as entered or imported, with the client id that makes her write idempotent. */
export type NewPersonInput = Omit<CreatePersonBody, 'clientId'> & { clientId: string };

/** A new person's keyed indexes and normalised record: what linking her needs, nothing encrypted yet. */
export function personIndexes(cipher: FieldCipher, input: NewPersonInput, id: string) {
  const indexes = searchIndexesOf(cipher, {
    id,
    givenName: input.firstName,
    familyName: input.secondName,
    patronymic: input.middleName ?? null,
    birthDate: input.birthdate ?? null,
    sex: input.gender,
    citizenship: input.citizenship,
    documentNumber: input.identityNumber ?? null,
    contact: input.mobilePhone ?? null,
  });
  return {
    linkage: indexes.linkage,
    columns: { ...indexes.columns, identityNumberIndex: input.identityNumber ? identityNumberIndexOf(cipher, input.identityNumber) : null },
  };
}
export type PersonIndexes = ReturnType<typeof personIndexes>;

/** A new person's stored row from her indexes: personal fields encrypted, each bound to the row id. */
export function sealPerson(
  cipher: FieldCipher,
  input: NewPersonInput,
  owner: { createdBy: string; ownerAgencyId: string },
  id: string,
  indexes: PersonIndexes,
): NewPersonRow {
  const enc = (v: string, column: string) => cipher.encrypt(v, fieldContext('persons', column, id));
  const opt = (v: string | undefined, column: string) => (v ? enc(v, column) : null);
  return {
    id,
    clientId: input.clientId,
    pseudonym: newPseudonym(),
    firstNameEnc: enc(input.firstName, 'first_name'),
    secondNameEnc: enc(input.secondName, 'second_name'),
    middleNameEnc: opt(input.middleName, 'middle_name'),
    birthdateEnc: opt(input.birthdate, 'birthdate'),
    identityDocumentType: input.identityDocumentType ?? null,
    identityNumberEnc: opt(input.identityNumber, 'identity_number'),
    mobilePhoneEnc: opt(input.mobilePhone, 'mobile_phone'),
    addressEnc: opt(input.address, 'address'),
    ...indexes.columns,
    nameScript: detectScript([input.firstName, input.secondName, input.middleName ?? ''].join(' ')),
    gender: input.gender,
    birthYear: input.birthdate ? Number(input.birthdate.slice(0, 4)) : null,
    citizenship: input.citizenship,
    regionCode: input.regionCode,
    createdBy: owner.createdBy,
    ownerAgencyId: owner.ownerAgencyId,
  };
}

/** A new person's stored row (personal fields encrypted, bound to the row id) and its normalised record. */
export function preparePerson(
  cipher: FieldCipher,
  input: NewPersonInput,
  owner: { createdBy: string; ownerAgencyId: string },
  id: string = randomUUID(),
): { row: NewPersonRow; linkage: NormalisedRecord } {
  const indexes = personIndexes(cipher, input, id);
  return { row: sealPerson(cipher, input, owner, id, indexes), linkage: indexes.linkage };
}

/** The stored row of a new person (see `preparePerson`), for callers that do not link it (the seed). */
export const encryptPerson = (...args: Parameters<typeof preparePerson>): NewPersonRow => preparePerson(...args).row;

/**
 * Scores a record just inserted against every existing record (issue #4): likely pairs go to
 * the reviewers' queue, nothing is shown to the person entering it. Same transaction as the insert.
 */
export async function linkInsertedPerson(
  deps: Pick<AppDeps, 'db' | 'cipher'>,
  tx: DbOrTx,
  prepared: { row: NewPersonRow; linkage: NormalisedRecord },
): Promise<void> {
  const model = await modelStoreFor(deps.db).current(tx);
  await linkNewRecord(tx, deps.cipher, model, prepared.linkage, {
    keys: prepared.row.linkageKeys ?? [],
    identityNumberIndex: prepared.row.identityNumberIndex ?? null,
  });
}

export function createPersonsService(deps: AppDeps) {
  const { db, cipher } = deps;

  async function read(auth: AuthContext, audit: AuditContext, id: string): Promise<Person> {
    return db.transaction(async (tx) => {
      const found = await getPerson(tx, auth.actor, id);
      if (!found) throw new DomainError('not_found');
      const cases = await listCaseRefsOfPerson(tx, auth.actor, id);
      await appendAudit(tx, audit, {
        operation: 'person.read',
        recordType: 'person',
        recordId: id,
        details: { identity: found.identityVisible },
      });
      return personView(cipher, found.person, found.identityVisible, cases, found.contactVisible);
    });
  }

  const models = modelStoreFor(db);
  const matcher = linkageMatcher(cipher, models);

  return {
    read,

    /** Possible existing records of the person being entered; the names stay out of the audit. */
    async matches(auth: AuthContext, audit: AuditContext, probe: PersonMatchProbe): Promise<PersonMatches> {
      return db.transaction(async (tx) => {
        const candidates = await matcher.candidates(tx, auth.actor, probe);
        await appendAudit(tx, audit, {
          operation: 'person.search',
          recordType: 'person',
          details: { matching: true, shown: candidates.map((c) => c.person.id) },
        });
        return { candidates };
      });
    },

    /** Records "same person" / "different" for a candidate the officer was shown. */
    async decideMatch(auth: AuthContext, audit: AuditContext, candidateId: string, decision: 'same' | 'different'): Promise<void> {
      await db.transaction(async (tx) => {
        const found = await getPerson(tx, auth.actor, candidateId);
        if (!found?.identityVisible) throw new DomainError('not_found');
        await appendAudit(tx, audit, { operation: 'person.match_decided', recordType: 'person', recordId: candidateId, details: { decision } });
      });
    },

    /** Idempotent on `clientId`: a replayed request returns the person created the first time. */
    async create(auth: AuthContext, audit: AuditContext, body: CreatePersonBody): Promise<Person> {
      refuseFutureDates(deps.now(), { birthdate: body.birthdate });
      const existing = await findPersonIdByClientId(db, body.clientId);
      if (existing) return read(auth, audit, existing);
      const prepared = preparePerson(cipher, body, { createdBy: auth.user.id, ownerAgencyId: auth.user.agencyId });
      const { row } = prepared;
      try {
        await db.transaction(async (tx) => {
          await insertPerson(tx, { ...row, createdAt: deps.now() });
          await linkInsertedPerson(deps, tx, prepared);
          // The officer's own "different" at the duplicate check overrides the model from the start.
          for (const other of new Set(body.notSameAs ?? [])) {
            const check = { cipher, model: await modelStoreFor(db).current(tx) };
            await recordHumanDecision(
              tx,
              auth,
              audit,
              { clientId: randomUUID(), personA: row.id as string, personB: other, decision: 'different' },
              check,
            ).catch((e: unknown) => {
              throw isDomainError(e) && e.code === 'not_found' ? new DomainError('validation_failed', [{ path: 'notSameAs', code: 'not_found' }]) : e;
            });
          }
          await appendAudit(tx, audit, { operation: 'person.created', recordType: 'person', recordId: row.id });
        });
      } catch (e) {
        // A concurrent replay of the same request won the race: answer with its person.
        const winner = isUniqueViolation(e) ? await findPersonIdByClientId(db, body.clientId) : null;
        if (!winner) throw e;
        return read(auth, audit, winner);
      }
      return read(auth, audit, row.id as string);
    },

    async list(auth: AuthContext, audit: AuditContext, q: string | undefined, page: number, pageSize: number) {
      const nameIndex = q ? nameIndexOf(cipher, q) : undefined;
      return db.transaction(async (tx) => {
        const { rows, total } = await listPersons(tx, auth.actor, { nameIndex }, page, pageSize);
        const items: PersonSummary[] = rows.map((r) => personSummary(cipher, r.person, r.identityVisible));
        // Why: a list that shows names is a read of personal data; the search text itself is a
        // name, so only the fact of searching and the ids shown are recorded.
        await appendAudit(tx, audit, {
          operation: q ? 'person.search' : 'person.read',
          recordType: 'person',
          details: { shown: items.filter((i) => i.displayName !== null).map((i) => i.id), total },
        });
        return { items, total, page, pageSize };
      });
    },
  };
}
export type PersonsService = ReturnType<typeof createPersonsService>;
