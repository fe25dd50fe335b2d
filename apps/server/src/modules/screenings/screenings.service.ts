import { randomUUID } from 'node:crypto';
import {
  addWorkingDays,
  applyAction,
  consentIssue,
  deriveCaseState,
  DomainError,
  dueAfterHandover,
  evaluateScreening,
  handoverRefusal,
  URGENT_SETTINGS,
  type Agency,
  type CaseAction,
  type CreateScreeningBody,
  type Screening,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditContext, type AuditEvent, appendAudit } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { listCaseActions, setIdentificationDue, transferCase } from '../cases/cases.repository.ts';
import { insertAction, openCase } from '../cases/cases.service.ts';
import { endCreatorAccess, getPerson, insertPerson } from '../persons/persons.repository.ts';
import { linkInsertedPerson, preparePerson } from '../persons/persons.service.ts';
import type { FormSubmission } from '../../db/schema.ts';
import { alertReidentified } from '../protection/protection-reidentify.ts';
import * as repo from './screenings.repository.ts';
import { ageGroupOf, resultView, screeningView } from './screenings.view.ts';
import { kazakhstanDate, kazakhstanYear } from '../../util/kazakhstan-date.ts';
import { refuseFutureDates } from '../../http/future-dates.ts';

export function createScreeningsService(deps: AppDeps) {
  const { db, cipher } = deps;

  /**
   * Pre-deportation and detention screenings with indicators: the identification clock starts
   * now (the region's identification officers see the case in their queue), and a deportation
   * is put on hold until identification decides (DOMAIN.md §2.7, non-punishment).
   */
  async function startUrgentPathway(tx: DbOrTx, auth: AuthContext, audit: AuditContext, caseId: string, setting: string, screeningId: string) {
    await setIdentificationDue(tx, caseId, addWorkingDays(kazakhstanDate(deps.now()), deps.config.identificationDays, await deps.reference.calendar(tx)));
    if (setting !== 'pre_deportation') return;
    await insertAction(tx, cipher, auth, caseId, 2, randomUUID(), { type: 'deportation_hold', details: { screeningId }, text: undefined }, deps.now());
    await appendAudit(tx, audit, { operation: 'case.action_appended', recordType: 'case', recordId: caseId, details: { type: 'deportation_hold' } });
  }

  async function read(auth: AuthContext, audit: AuditContext, id: string): Promise<Screening> {
    const row = await repo.getOwnScreening(db, auth.user.id, id);
    if (!row) throw new DomainError('not_found');
    await db.transaction((tx) => appendAudit(tx, audit, { operation: 'screening.read', recordType: 'screening', recordId: id }));
    return screeningView(row, row.screening.handedOverAt === null && !row.personHandedOver);
  }

  /**
   * Records a screening and its result. With consent, the person is created and a case opened
   * (status PossibleVictimOfTrafficking); without (an adult declined), only the anonymous,
   * non-identifying notification is kept. Idempotent on `clientId`.
   */
  async function create(auth: AuthContext, audit: AuditContext, body: CreateScreeningBody): Promise<Screening> {
    const { id } = await record(auth, audit, body);
    return read(auth, audit, id);
  }

  /**
   * `create` without reading the screening back: for a field device, which is answered with
   * the reference only (and so is not audited as having read the screening). `alsoAudit` is
   * appended in the same transaction as the screening (the device it came from).
   */
  async function record(
    auth: AuthContext,
    audit: AuditContext,
    body: CreateScreeningBody,
    from: { formSubmission?: FormSubmission; alsoAudit?: (screeningId: string) => AuditEvent } = {},
  ): Promise<{ id: string; reference: string; created: boolean }> {
    refuseFutureDates(deps.now(), { encounterDate: body.encounterDate, 'person.birthdate': body.person?.birthdate });
    const existing = await repo.findScreeningByClientId(db, body.clientId);
    if (existing) return { ...existing, created: false };
    const { lists, rules } = await deps.reference.current();
    const refusal = consentIssue(body.consent, body.ageYears, rules);
    if (refusal) throw new DomainError('validation_failed', [refusal]);
    const result = evaluateScreening({ observed: body.observed, ageYears: body.ageYears, lists, rules });
    const id = randomUUID();
    try {
      const given = await db.transaction(async (tx) => {
        const reference = await repo.nextScreeningReference(tx, kazakhstanYear(deps.now()));
        let personId: string | null = null;
        let caseId: string | null = null;
        if (body.consent === 'identified' && body.existingPersonId) {
          // A person the officer recognised at intake: only one whose identity they may see.
          const existing = await getPerson(tx, auth.actor, body.existingPersonId);
          if (!existing?.identityVisible) throw new DomainError('validation_failed', [{ path: 'existingPersonId', code: 'not_found' }]);
          personId = body.existingPersonId;
        } else if (body.consent === 'identified' && body.person) {
          const owner = { createdBy: auth.user.id, ownerAgencyId: auth.user.agencyId };
          const prepared = preparePerson(
            cipher,
            { ...body.person, clientId: randomUUID(), gender: body.gender, citizenship: body.citizenship, regionCode: body.regionCode },
            owner,
          );
          const person = prepared.row;
          await insertPerson(tx, { ...person, createdAt: deps.now() });
          await linkInsertedPerson(deps, tx, prepared);
          await appendAudit(tx, audit, { operation: 'person.created', recordType: 'person', recordId: person.id as string });
          personId = person.id as string;
        }
        if (personId) {
          const caseBody = {
            clientId: randomUUID(),
            personId,
            regionCode: body.regionCode,
            exploitationTypes: body.exploitationTypes,
            narrative: body.narrative,
          };
          caseId = await openCase(tx, cipher, auth, audit, caseBody, deps.now(), { screeningId: id, level: result.level });
          if (result.level !== 'none' && URGENT_SETTINGS.includes(body.setting)) await startUrgentPathway(tx, auth, audit, caseId, body.setting, id);
          // A person with a closed protection case met again: her last case worker hears of it (nothing to the screener).
          await alertReidentified(deps, tx, personId, id, deps.now());
        }
        await repo.insertScreening(tx, {
          id,
          createdAt: deps.now(),
          clientId: body.clientId,
          reference,
          screenerId: auth.user.id,
          agencyId: auth.user.agencyId,
          encounterDate: body.encounterDate,
          regionCode: body.regionCode,
          setting: body.setting,
          language: body.language,
          interpreterUsed: body.interpreterUsed,
          ageGroup: ageGroupOf(body.ageYears, rules.childAgeYears),
          gender: body.gender,
          citizenship: body.citizenship,
          exploitationTypes: body.exploitationTypes,
          observed: [...new Set(body.observed)],
          result: { view: resultView(result), rule: result.rule, lists: result.lists },
          level: result.level,
          anonymous: personId === null,
          personId,
          caseId,
          formSubmission: from.formSubmission ?? null,
        });
        await appendAudit(tx, audit, {
          operation: 'screening.created',
          recordType: 'screening',
          recordId: id,
          details: { level: result.level, anonymous: personId === null },
        });
        if (from.alsoAudit) await appendAudit(tx, audit, from.alsoAudit(id));
        return reference;
      });
      return { id, reference: given, created: true };
    } catch (e) {
      const winner = isUniqueViolation(e) ? await repo.findScreeningByClientId(db, body.clientId) : null;
      if (!winner) throw e;
      return { ...winner, created: false };
    }
  }

  /**
   * Hands the case over to an identification unit. Why: minimal disclosure (DOMAIN.md §1) —
   * the frontline screener keeps a receipt but can no longer open the person or the case.
   */
  async function handover(auth: AuthContext, audit: AuditContext, id: string, toAgencyId: string): Promise<Screening> {
    await db.transaction(async (tx) => {
      const row = await repo.getOwnScreening(tx, auth.user.id, id, { forUpdate: true });
      if (!row) throw new DomainError('not_found');
      const { screening } = row;
      if (!screening.caseId || screening.handedOverAt) throw new DomainError('conflict');
      const kase = await repo.lockScreeningCase(tx, screening.caseId);
      if (!kase) throw new DomainError('conflict');
      // Only an identification unit of the person's region, or a national one (core rule).
      const refusal = handoverRefusal(await repo.getHandoverTarget(tx, toAgencyId), kase.regionCode);
      if (refusal) throw new DomainError('validation_failed', [{ path: 'toAgencyId', code: refusal }]);
      const log = await listCaseActions(tx, screening.caseId);
      applyAction(deriveCaseState(log.map((l) => ({ type: l.action.type, ...l.action.details }) as unknown as CaseAction)), { type: 'handed_over' });
      await insertAction(
        tx,
        cipher,
        auth,
        screening.caseId,
        log.length + 1,
        randomUUID(),
        { type: 'handed_over', details: { toAgencyId }, text: undefined },
        deps.now(),
      );
      // The identification clock starts at referral: N working days (default 5) in Kazakhstan's
      // calendar, unless a pre-deportation or detention screening started an earlier one.
      const due = dueAfterHandover(
        kase.identificationDue,
        addWorkingDays(kazakhstanDate(deps.now()), deps.config.identificationDays, await deps.reference.calendar(tx)),
      );
      await transferCase(tx, screening.caseId, toAgencyId, due);
      if (screening.personId) await endCreatorAccess(tx, screening.personId, auth.user.id, { fromAgencyId: auth.user.agencyId, toAgencyId });
      await repo.markHandedOver(tx, id, toAgencyId, deps.now());
      await appendAudit(tx, audit, {
        operation: 'screening.handed_over',
        recordType: 'screening',
        recordId: id,
        details: { toAgencyId, caseId: screening.caseId },
      });
    });
    return read(auth, audit, id);
  }

  /** The agencies this screening may be handed over to (the web app offers only these). */
  async function handoverTargets(auth: AuthContext, id: string): Promise<{ items: Agency[] }> {
    const row = await repo.getOwnScreening(db, auth.user.id, id);
    if (!row) throw new DomainError('not_found');
    return { items: await repo.listHandoverTargets(db, row.screening.regionCode) };
  }

  return {
    create,
    record,
    read,
    handover,
    handoverTargets,
    async list(auth: AuthContext, page: number, pageSize: number) {
      const { rows, total } = await repo.listOwnScreenings(db, auth.user.id, page, pageSize);
      return { items: rows.map((r) => screeningView(r, r.screening.handedOverAt === null && !r.personHandedOver)), total, page, pageSize };
    },
  };
}
