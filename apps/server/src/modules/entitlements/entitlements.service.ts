import { randomUUID } from 'node:crypto';
import { and, eq, gte, or, sql } from 'drizzle-orm';
import {
  allowedEntitlementActions,
  deriveEntitlements,
  DomainError,
  earliestIdentificationWithClockFrom,
  fromDayNumber,
  hasPermission,
  isCitizen,
  kazakhstanDate,
  LAPSED_SHOWN_DAYS,
  parseEntitlementAction,
  roleMayActOnEntitlements,
  type EntitlementKind,
  type EntitlementsResult,
  type PersonEntitlements,
  type ProceedingsFacts,
  toDayNumber,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { entitlements, persons } from '../../db/schema.ts';
import { personScope } from '../persons/persons.repository.ts';
import { entitlementRuleSets } from './entitlement-rules.store.ts';
import * as repo from './entitlements.repository.ts';

/** What recompute needs from the app: the database clock is never used (dates are legal facts). */
export type EntitlementDeps = Pick<AppDeps, 'now'>;

export const noteContext = (id: string): string => fieldContext('entitlement_actions', 'note', id);

/** The person's entitlements today, derived from the rules in force and her facts (pure core). */
export async function deriveForPerson(q: DbOrTx, deps: EntitlementDeps, personId: string, today = kazakhstanDate(deps.now())) {
  const loaded = await repo.loadEntitlementFacts(q, personId);
  if (!loaded) return null;
  const result = deriveEntitlements(await entitlementRuleSets(q), loaded.facts, today);
  return { ...loaded, result, today };
}

/**
 * Brings the `entitlements` rows of a person up to date, in the caller's transaction. Called
 * after every change of a fact: an identification decision or review (cases service), a
 * recorded payer or extension, the proceedings (justice, issue #11: `recordProceedings`), a
 * new rule version, and by the daily sweep as clocks run.
 */
export async function recomputeEntitlements(tx: DbOrTx, deps: EntitlementDeps, personId: string): Promise<EntitlementsResult | null> {
  const derived = await deriveForPerson(tx, deps, personId);
  if (!derived) return null;
  await repo.storeEntitlements(tx, personId, derived.caseId, derived.result.rulesVersion, derived.result.items, deps.now());
  return derived.result;
}

/** An identified victim an import creates: a new person whose one case carries the decision, taken on `identifiedOn`. */
export interface NewVictim {
  personId: string;
  caseId: string;
  citizenship: string;
  identifiedOn: string;
}

/**
 * The entitlement rows of identified victims an HTCDS import creates (issue #14), as
 * `recomputeEntitlements` stores them for a new person whose one case opened on `openedOn`.
 * Only for victims with a clock the work queue or the daily sweep can still show (an end not
 * lapsed longer ago than the queue shows): a foreign victim another organisation identified last
 * month gets her reminders before her reflection period ends. For the rest (years of history,
 * citizens' services that do not end) rows would change nothing anyone is shown or reminded of,
 * and an import of ten years would write six to nine rows a victim: their pages and rights
 * sheets derive them when read, and any later decision, extension or proceedings stores them.
 */
export async function storeNewVictimsEntitlements(tx: DbOrTx, deps: EntitlementDeps, victims: readonly NewVictim[], openedOn: string): Promise<void> {
  if (!victims.length) return;
  const rules = await entitlementRuleSets(tx);
  const today = kazakhstanDate(deps.now());
  const shownFrom = fromDayNumber(toDayNumber(today) - LAPSED_SHOWN_DAYS);
  // Older identifications cannot have such a clock: not even derived (an import of ten years).
  const earliest = earliestIdentificationWithClockFrom(rules, shownFrom);
  const rows: repo.EntitlementRow[] = [];
  for (const v of victims) {
    if (earliest && v.identifiedOn < earliest) continue;
    // The facts loadEntitlementFacts reads for such a person: one case, opened today, decided then.
    const facts = {
      citizenship: v.citizenship,
      traffickingStatus: 'ActualVictimOfTrafficking' as const,
      possibleVictimSince: openedOn,
      identifiedOn: v.identifiedOn,
      proceedings: { open: false },
      extensions: [],
      medicalPayer: null,
    };
    const result = deriveEntitlements(rules, facts, today);
    if (!result.items.some((e) => e.end !== null && e.end >= shownFrom)) continue;
    rows.push(...repo.entitlementRows(v.personId, v.caseId, result.rulesVersion, result.items, deps.now()));
  }
  await repo.insertNewEntitlementRows(tx, rows);
}

/**
 * The state of the person's criminal proceedings (issue #11 calls this): while they are open
 * the reflection period and the residency run on; the final judgement's date ends them.
 */
export async function recordProceedings(
  tx: DbOrTx,
  deps: EntitlementDeps,
  personId: string,
  proceedings: ProceedingsFacts,
  actor?: { userId: string; agencyId: string },
) {
  await repo.insertEntitlementAction(tx, {
    clientId: randomUUID(),
    personId,
    kind: 'reflection_period',
    type: 'proceedings_recorded',
    details: { open: proceedings.open, finalOn: proceedings.finalOn ?? null },
    actorId: actor?.userId ?? null,
    agencyId: actor?.agencyId ?? null,
    at: deps.now(),
  });
  return recomputeEntitlements(tx, deps, personId);
}

/**
 * For the rights sheet (documents, helper F): the person's entitlements today, with their
 * dates, basis (article text in kk/ru/en) and who pays, without the access check (the caller
 * has checked `document.read` on the person). Only those that apply.
 */
export async function entitlementsForSheet(q: DbOrTx, deps: EntitlementDeps, personId: string) {
  const derived = await deriveForPerson(q, deps, personId);
  if (!derived) return null;
  return {
    today: derived.today,
    rulesVersion: derived.result.rulesVersion,
    citizen: isCitizen(derived.facts.citizenship),
    items: derived.result.items.filter((e) => e.state !== 'not_applicable'),
  };
}

/** Persons whose rows a new rule version (effective from `from`) may change: identified since, or pending. */
export async function recomputeSince(tx: DbOrTx, deps: EntitlementDeps, from: string): Promise<number> {
  const rows = await tx
    .selectDistinct({ personId: entitlements.personId })
    .from(entitlements)
    .where(or(gte(entitlements.startsOn, from), eq(entitlements.state, 'pending')));
  for (const r of rows) await recomputeEntitlements(tx, deps, r.personId);
  return rows.length;
}

export function createEntitlementsService(deps: AppDeps) {
  const { db, cipher } = deps;

  async function inScope(q: DbOrTx, auth: AuthContext, personId: string) {
    const [row] = await q
      .select({
        id: persons.id,
        mayAct: hasPermission(auth.actor.role, 'entitlement.act') ? sql<boolean>`${personScope(auth.actor, 'entitlement.act')}` : sql<boolean>`false`,
      })
      .from(persons)
      .where(and(eq(persons.id, personId), personScope(auth.actor, 'entitlement.read')));
    return row ?? null;
  }

  async function view(q: DbOrTx, auth: AuthContext, personId: string, mayAct: boolean): Promise<PersonEntitlements> {
    const derived = await deriveForPerson(q, deps, personId);
    if (!derived) throw new DomainError('not_found');
    return {
      personId,
      caseId: derived.caseId,
      citizen: isCitizen(derived.facts.citizenship),
      rulesVersion: derived.result.rulesVersion,
      relevantDate: derived.result.relevantDate,
      today: derived.today,
      items: derived.result.items.map((e) => ({ ...e, allowedActions: allowedEntitlementActions(auth.actor, mayAct, e) })),
    };
  }

  return {
    async read(auth: AuthContext, audit: AuditContext, personId: string): Promise<PersonEntitlements> {
      return db.transaction(async (tx) => {
        const found = await inScope(tx, auth, personId);
        if (!found) throw new DomainError('not_found');
        await appendAudit(tx, audit, { operation: 'entitlement.read', recordType: 'person', recordId: personId });
        return view(tx, auth, personId, found.mayAct);
      });
    },

    /** Records who pays for medical care, or an extension; idempotent by client id. */
    async act(auth: AuthContext, audit: AuditContext, personId: string, kind: EntitlementKind, json: unknown): Promise<PersonEntitlements> {
      if (!roleMayActOnEntitlements(auth.actor.role)) throw new DomainError('forbidden');
      // Cooperation with law enforcement as a condition is refused before anything else.
      const parsed = parseEntitlementAction(json);
      if (!parsed.ok) throw new DomainError('validation_failed', parsed.issues);
      const body = parsed.value;
      const replay = async () => {
        const done = await repo.findEntitlementActionPerson(db, body.clientId);
        if (done !== personId) return null;
        return db.transaction(async (tx) => view(tx, auth, personId, Boolean((await inScope(tx, auth, personId))?.mayAct)));
      };
      const earlier = await replay();
      if (earlier) return earlier;
      try {
        return await db.transaction(async (tx) => {
          const found = await inScope(tx, auth, personId);
          if (!found) throw new DomainError('not_found');
          if (!found.mayAct) throw new DomainError('forbidden');
          const current = await deriveForPerson(tx, deps, personId);
          const entitlement = current?.result.items.find((e) => e.kind === kind);
          if (!current || !entitlement) throw new DomainError('not_found');
          if (!allowedEntitlementActions(auth.actor, true, entitlement).includes(body.type)) throw new DomainError('invalid_transition');
          if (body.type === 'record_extension' && body.until && entitlement.end && body.until <= entitlement.end) {
            throw new DomainError('validation_failed', [{ path: 'until', code: 'entitlement_extension_not_later' }]);
          }
          const id = randomUUID();
          const details: Record<string, string | null> =
            body.type === 'record_medical_payer' ? { payer: body.payer } : { reason: body.reason, until: body.until ?? null };
          await repo.insertEntitlementAction(tx, {
            id,
            clientId: body.clientId,
            personId,
            kind,
            type: body.type,
            details,
            noteEnc: body.note ? cipher.encrypt(body.note, noteContext(id)) : null,
            actorId: auth.user.id,
            agencyId: auth.user.agencyId,
            at: deps.now(),
          });
          await recomputeEntitlements(tx, deps, personId);
          await appendAudit(tx, audit, {
            operation: 'entitlement.acted',
            recordType: 'person',
            recordId: personId,
            details: { kind, type: body.type, ...details },
          });
          return view(tx, auth, personId, true);
        });
      } catch (e) {
        if (isUniqueViolation(e)) {
          const won = await replay();
          if (won) return won;
        }
        throw e;
      }
    },
  };
}
