import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  applyAction,
  decisionOrgOf,
  IDENTIFYING_AGENCY_TYPES,
  INITIAL_CASE_STATE,
  generatePersons,
  type AgencyType,
  type CaseAction,
  type SyntheticPerson,
} from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { rowsOf } from '../db/client.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { caseActions, cases, persons } from '../db/schema.ts';
import { actionTextContext } from '../modules/cases/cases.view.ts';
import { encryptPerson } from '../modules/persons/persons.service.ts';
import { kazakhstanYear } from '../util/kazakhstan-date.ts';
import { authorsByAgencyType } from './seed-demo.ts';

const BATCH = 1_000;

/** A deterministic number in [0,1) from an index, so a seed run is reproducible. */
const unit = (i: number, salt: number) => (((Math.imul(i + 1, 2_654_435_761) ^ Math.imul(salt, 40_503)) >>> 0) % 10_000) / 10_000;

/**
 * The synthetic case history: opened, then (by a stable coin) identified, referred, closed.
 * As in the real workflow (case-authority.ts), only an identification unit (police, NGO)
 * decides, and the deciding organisation is its own; a frontline agency's case waits open.
 */
function historyOf(i: number, recordedBy: AgencyType): { action: CaseAction; details: Record<string, string> }[] {
  const steps: { action: CaseAction; details: Record<string, string> }[] = [{ action: { type: 'opened' }, details: {} }];
  const identifies = (IDENTIFYING_AGENCY_TYPES as readonly AgencyType[]).includes(recordedBy);
  if (identifies && unit(i, 1) < 0.75) {
    const outcome = unit(i, 2) < 0.8 ? 'ActualVictimOfTrafficking' : 'NotAVictimOfTrafficking';
    const decidedBy = decisionOrgOf(recordedBy);
    steps.push({ action: { type: 'identification_decided', outcome, decidedBy }, details: { outcome, decidedBy } });
    if (outcome === 'ActualVictimOfTrafficking' && unit(i, 4) < 0.6) steps.push({ action: { type: 'referred' }, details: {} });
  }
  if (identifies && unit(i, 5) < 0.15) steps.push({ action: { type: 'closed' }, details: {} });
  return steps;
}

export interface SeedPersonsOptions {
  count: number;
  seed: number;
  /** Index of the first synthetic person; a second run continues where the first stopped. */
  start?: number;
  onProgress?: (done: number) => void;
}

/**
 * Inserts synthetic persons, each with one case and its history, in batches of 1,000 (one
 * transaction each): personal fields are encrypted and indexed exactly as the API does.
 */
export async function seedPersons(deps: AppDeps, opts: SeedPersonsOptions): Promise<{ persons: number; cases: number }> {
  const authors = await authorsByAgencyType(deps);
  const fallback = authors.get('police') ?? [...authors.values()][0];
  if (!fallback?.length) throw new Error('seed organisations first');
  let batch: SyntheticPerson[] = [];
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    await insertBatch(deps, batch, (p) => {
      const list = authors.get(p.recordedBy) ?? fallback;
      return list[p.index % list.length] as { agencyId: string; userId: string };
    });
    done += batch.length;
    opts.onProgress?.(done);
    batch = [];
  };
  for (const p of generatePersons({ seed: opts.seed, count: opts.count, start: opts.start ?? 0 })) {
    batch.push(p);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  await deps.db.transaction((tx) =>
    appendAudit(tx, { actor: null, ip: null }, { operation: 'system.seeded', details: { persons: done, seed: opts.seed, start: opts.start ?? 0 } }),
  );
  return { persons: done, cases: done };
}

async function insertBatch(deps: AppDeps, batch: SyntheticPerson[], authorOf: (p: SyntheticPerson) => { agencyId: string; userId: string }) {
  const { cipher } = deps;
  const year = kazakhstanYear(deps.now());
  await deps.db.transaction(async (tx) => {
    const seqs = await tx.execute(sql`SELECT nextval('case_reference_seq') AS n FROM generate_series(1, ${batch.length})`);
    const refs = rowsOf<{ n: string }>(seqs).map((r) => `QRG-${year}-${String(r.n).padStart(6, '0')}`);
    const personRows = [];
    const caseRows = [];
    const actionRows = [];
    for (const [k, p] of batch.entries()) {
      const author = authorOf(p);
      const owner = { createdBy: author.userId, ownerAgencyId: author.agencyId };
      const person = encryptPerson(
        cipher,
        {
          clientId: randomUUID(),
          firstName: p.firstName,
          secondName: p.secondName,
          middleName: p.middleName ?? undefined,
          birthdate: p.birthdate,
          gender: p.gender,
          citizenship: p.citizenship,
          regionCode: p.regionCode,
          identityDocumentType: p.identityDocumentType ?? undefined,
          identityNumber: p.identityNumber ?? undefined,
          mobilePhone: p.mobilePhone ?? undefined,
        },
        owner,
      );
      personRows.push(person);
      const caseId = randomUUID();
      let state = INITIAL_CASE_STATE;
      for (const [seq, step] of historyOf(p.index, p.recordedBy).entries()) {
        state = applyAction(state, step.action);
        const id = randomUUID();
        const text = step.action.type === 'opened' ? `Synthetic encounter ${p.index}: ${p.exploitationTypes.join(', ')}` : null;
        actionRows.push({
          id,
          clientId: randomUUID(),
          caseId,
          seq: seq + 1,
          type: step.action.type,
          details: step.details,
          textEnc: text ? cipher.encrypt(text, actionTextContext(id)) : null,
          actorId: author.userId,
          agencyId: author.agencyId,
        });
      }
      caseRows.push({
        id: caseId,
        clientId: randomUUID(),
        reference: refs[k] as string,
        personId: person.id as string,
        regionCode: p.regionCode,
        exploitationTypes: p.exploitationTypes,
        status: state.status,
        traffickingStatus: state.traffickingStatus,
        ...owner,
      });
    }
    await tx.insert(persons).values(personRows);
    await tx.insert(cases).values(caseRows);
    await tx.insert(caseActions).values(actionRows);
  });
}
