import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  applyAction,
  decisionOrgOf,
  generatePersons,
  hashSeed,
  IDENTIFYING_AGENCY_TYPES,
  INITIAL_CASE_STATE,
  Rng,
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
import { loadDirectory, type DirectoryAgency, type DirectoryUser } from './demo-directory.ts';
import { caseNote, closureNote, decisionReasons, drawIndicators, encounterNarrative, referralNote, type NarrativeFacts } from './seed-narratives.ts';
import { after, daysAgo } from './seed-time.ts';

const BATCH = 1_000;
/** The random stream of a record's history (core synthetic streams 1–4 are the person's). */
const STREAM_HISTORY = 77;

/** Where each kind of agency meets people, for the narrative's first sentence. */
const SETTINGS: Record<string, readonly string[]> = {
  police: ['street', 'detention_police_operation', 'online', 'market'],
  labour_inspectorate: ['farm', 'construction_site', 'factory'],
  consulate: ['consulate'],
  health: ['hospital'],
  education: ['school'],
  migration_service: ['pre_deportation', 'border_crossing'],
  hotline: ['hotline'],
};

interface Step {
  action: CaseAction;
  details: Record<string, string>;
  text: string | null;
  at: Date;
  actor: DirectoryUser;
}
interface Plan {
  person: SyntheticPerson;
  agency: DirectoryAgency;
  openedAt: Date;
  steps: Step[];
}

const withRole = (a: DirectoryAgency, roles: readonly string[]) => a.users.filter((u) => roles.includes(u.role));

/**
 * One record's history, as the real workflow writes it (case-authority.ts): opened by a member
 * of the agency that met the person; in an identification unit (police, NGO) decided a few days
 * later by its identification officer, then perhaps referred to a shelter or an NGO, annotated,
 * and closed months later; elsewhere the case waits with the agency, with a note now and then.
 * Every event is in office hours, days after the one before it, and before `now`.
 */
function planOf(p: SyntheticPerson, agency: DirectoryAgency, careAgencies: DirectoryAgency[], now: Date, seed: number, history: SeedHistory): Plan {
  const rng = new Rng(hashSeed(seed, p.index, STREAM_HISTORY));
  const lang = agency.language;
  const openedAt = daysAgo(now, openedDaysAgo(rng, history), rng);
  const opener = rng.pick(agency.users);
  const age = kazakhstanYear(openedAt) - Number(p.birthdate.slice(0, 4));
  const facts: NarrativeFacts = {
    female: p.gender === 'Feminine',
    age,
    citizenship: p.citizenship,
    regionCode: p.regionCode,
    setting: rng.pick(SETTINGS[agency.type] ?? ['other']),
    exploitation: p.exploitationTypes,
    indicators: drawIndicators(rng, p.exploitationTypes, rng.between(1, 3)),
    interpreter: p.citizenship !== 'KZ' && rng.chance(0.5),
  };
  const steps: Step[] = [{ action: { type: 'opened' }, details: {}, text: encounterNarrative(rng, lang, facts), at: openedAt, actor: opener }];
  let last = openedAt;
  const push = (action: CaseAction, details: Record<string, string>, text: string | null, at: Date, actor: DirectoryUser | undefined) => {
    // Nothing after today, and nobody acts without the role core gives the action.
    if (at.getTime() >= now.getTime() || !actor) return false;
    steps.push({ action, details, text, at, actor });
    last = at;
    return true;
  };
  const deciders = withRole(agency, ['identification_officer']);
  const holders = withRole(agency, ['identification_officer', 'case_worker']);
  const identifies = (IDENTIFYING_AGENCY_TYPES as readonly string[]).includes(agency.type) && deciders.length > 0;
  if (identifies && (history.identified || rng.chance(0.85))) {
    const positive = history.identified || rng.chance(0.8);
    const outcome = positive ? 'ActualVictimOfTrafficking' : 'NotAVictimOfTrafficking';
    const decidedBy = decisionOrgOf(agency.type);
    const decided = push(
      { type: 'identification_decided', outcome, decidedBy },
      { outcome, decidedBy },
      decisionReasons(rng, lang, positive, facts),
      after(last, 2, 9, rng),
      rng.pick(deciders),
    );
    if (decided && positive && rng.chance(0.6) && careAgencies.length) {
      const to = rng.pick(careAgencies);
      push(
        { type: 'referred' },
        { toAgencyId: to.id },
        referralNote(rng, lang, to.type === 'shelter' ? 'shelter' : 'ngo', facts.female),
        after(last, 0, 3, rng),
        rng.pick(holders),
      );
    }
    if (decided && rng.chance(0.5))
      push({ type: 'note_added' }, {}, caseNote(rng, lang, agency.type === 'ngo' ? 'worker' : 'officer'), after(last, 5, 40, rng), rng.pick(holders));
    if (decided && rng.chance(0.4)) push({ type: 'closed' }, {}, closureNote(rng, lang, positive, facts.female), after(last, 30, 200, rng), rng.pick(holders));
  } else if (rng.chance(0.4)) {
    const writers = withRole(agency, ['screener', 'identification_officer', 'case_worker', 'shelter_manager', 'prosecutor']);
    push(
      { type: 'note_added' },
      {},
      caseNote(rng, lang, agency.type === 'shelter' ? 'shelter' : 'worker'),
      after(last, 1, 30, rng),
      writers[0] && rng.pick(writers),
    );
  }
  return { person: p, agency, openedAt, steps };
}

/**
 * When the records were opened: `maxDaysAgo` back at most (900 days, about two and a half
 * years, by default), `minDaysAgo` at least (40), uniformly, or with `growth` denser towards
 * today (the share opened by a moment grows as its square, so each year has more records than
 * the year before, as identifications have grown). `identified`: every record is met by an
 * identifying agency (police or NGO) and decided positive (the history of past years' victims).
 */
export interface SeedHistory {
  minDaysAgo?: number;
  maxDaysAgo?: number;
  growth?: boolean;
  identified?: boolean;
}

function openedDaysAgo(rng: Rng, h: SeedHistory): number {
  const min = h.minDaysAgo ?? 40;
  const max = Math.max(min, h.maxDaysAgo ?? 900);
  // growth: the days back are max - (max - min) * sqrt(u), so the density rises linearly towards today
  return h.growth ? Math.round(max - (max - min) * Math.sqrt(rng.next())) : rng.between(min, max);
}

export interface SeedPersonsOptions {
  count: number;
  seed: number;
  history?: SeedHistory;
  /** Index of the first synthetic person; a second run continues where the first stopped. */
  start?: number;
  onProgress?: (done: number) => void;
}

/**
 * The background caseload: synthetic persons, each with one case and its history spread over
 * the past months and years, inserted in batches of 1,000 (one transaction each). Personal
 * fields are encrypted and indexed exactly as the API does; free text (narratives, reasons,
 * notes) is encrypted under the action's id as the case service writes it. The clock is
 * deps.now(): a seed is reproducible for a given seed number and day.
 */
export async function seedPersons(deps: AppDeps, opts: SeedPersonsOptions): Promise<{ persons: number; cases: number }> {
  const directory = (await loadDirectory(deps)).filter((a) => a.users.length > 0);
  if (!directory.length) throw new Error('seed organisations first');
  const byType = new Map<string, DirectoryAgency[]>();
  for (const a of directory) byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
  const fallback = byType.get('police') ?? directory;
  const care = directory.filter((a) => a.type === 'shelter' || a.type === 'ngo');
  const now = deps.now();
  let batch: Plan[] = [];
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    await insertBatch(deps, batch);
    done += batch.length;
    opts.onProgress?.(done);
    batch = [];
  };
  const history = opts.history ?? {};
  const identifying = directory.filter(
    (a) => (IDENTIFYING_AGENCY_TYPES as readonly string[]).includes(a.type) && a.users.some((u) => u.role === 'identification_officer'),
  );
  for (const p of generatePersons({ seed: opts.seed, count: opts.count, start: opts.start ?? 0 })) {
    const list = history.identified && identifying.length ? identifying : (byType.get(p.recordedBy) ?? fallback);
    // The agency of the person's region when there is one (Almaty police for Almaty), else any of its kind.
    const local = list.filter((a) => a.regionCode === p.regionCode);
    const pool = local.length ? local : list;
    const agency = pool[p.index % pool.length] as DirectoryAgency;
    batch.push(planOf(p, agency, care, now, opts.seed, history));
    if (batch.length === BATCH) await flush();
  }
  await flush();
  await deps.db.transaction((tx) =>
    appendAudit(tx, { actor: null, ip: null }, { operation: 'system.seeded', details: { persons: done, seed: opts.seed, start: opts.start ?? 0, ...history } }),
  );
  return { persons: done, cases: done };
}

async function insertBatch(deps: AppDeps, batch: Plan[]) {
  const { cipher } = deps;
  // References follow the order cases were opened in, as they would have been issued.
  const plans = [...batch].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.person.index - b.person.index);
  await deps.db.transaction(async (tx) => {
    const seqs = await tx.execute(sql`SELECT nextval('case_reference_seq') AS n FROM generate_series(1, ${plans.length})`);
    const numbers = rowsOf<{ n: string }>(seqs)
      .map((r) => Number(r.n))
      .sort((a, b) => a - b);
    const personRows = [];
    const caseRows = [];
    const actionRows = [];
    for (const [k, { person: p, agency, openedAt, steps }] of plans.entries()) {
      const opener = steps[0]?.actor as DirectoryUser;
      const owner = { createdBy: opener.id, ownerAgencyId: agency.id };
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
      personRows.push({ ...person, createdAt: openedAt });
      const caseId = randomUUID();
      let state = INITIAL_CASE_STATE;
      for (const [seq, step] of steps.entries()) {
        state = applyAction(state, step.action);
        const id = randomUUID();
        actionRows.push({
          id,
          clientId: randomUUID(),
          caseId,
          seq: seq + 1,
          type: step.action.type,
          details: step.details,
          textEnc: step.text ? cipher.encrypt(step.text, actionTextContext(id)) : null,
          actorId: step.actor.id,
          agencyId: step.actor.agencyId,
          at: step.at,
        });
      }
      caseRows.push({
        id: caseId,
        clientId: randomUUID(),
        reference: `QRG-${kazakhstanYear(openedAt)}-${String(numbers[k]).padStart(6, '0')}`,
        personId: person.id as string,
        regionCode: p.regionCode,
        exploitationTypes: p.exploitationTypes,
        status: state.status,
        traffickingStatus: state.traffickingStatus,
        createdAt: openedAt,
        updatedAt: steps.at(-1)?.at ?? openedAt,
        ...owner,
      });
    }
    await tx.insert(persons).values(personRows);
    await tx.insert(cases).values(caseRows);
    await tx.insert(caseActions).values(actionRows);
  });
}
