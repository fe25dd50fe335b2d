/**
 * The verbs of the demo's workflows: screen, hand over, decide, refer, flag, report... Each
 * schedules a call of the real service (screenings, cases, self-reports) at a moment on the
 * timeline, as the named member of staff, with texts written in their agency's language. All
 * random choices are drawn when a step is scheduled, so a seed number always gives the same demo.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  AppendCaseActionBody,
  CreateScreeningBody,
  KAZAKH,
  KYRGYZ,
  makeIin,
  makeMobilePhone,
  makePassportNumber,
  RUSSIAN,
  renderName,
  SelfReportBody,
  SelfReportStatusBody,
  TAJIK,
  UZBEK,
  drawNativeName,
  type CaseActionInput,
  type ExploitationType,
  type NameBank,
  type NativeName,
  type RecordScript,
  type Rng,
  type SelfReportLanguage,
} from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { caseAssignments, selfReports } from '../db/schema.ts';
import { createCasesService } from '../modules/cases/cases.service.ts';
import { createScreeningsService } from '../modules/screenings/screenings.service.ts';
import { createSelfReportsService } from '../modules/self-reports/self-reports.service.ts';
import { kazakhstanDate, kazakhstanYear } from '../util/kazakhstan-date.ts';
import { agencyByKey, userByName, type DirectoryAgency } from './demo-directory.ts';
import {
  caseNote,
  closureNote,
  decisionReasons,
  drawIndicators,
  encounterNarrative,
  holdLiftedNote,
  hotlineReport,
  nonPunishmentFlag,
  nonPunishmentReview,
  referralNote,
  reviewReasons,
  type NarrativeFacts,
} from './seed-narratives.ts';
import type { StaffActor, Timeline } from './seed-timeline.ts';

/**
 * What an earlier step made. Steps run in time order and a step in the future is not run at
 * all (nor, being later, are its dependants), so a missing one is a scenario written out of order.
 */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo seed: a step needs a ${what} that no earlier step made (scenario out of order)`);
  return value;
}

const BANK: Record<string, NameBank> = { KZ: KAZAKH, UZ: UZBEK, KG: KYRGYZ, TJ: TAJIK, RU: RUSSIAN };

/** A person as they are, before any clerk writes their name down. */
export interface DemoPerson {
  citizenship: string;
  female: boolean;
  age: number;
  birthdate: string;
  bank: NameBank;
  name: NativeName;
  /** The national number (IIN) or passport number, when the person has one on them. */
  document: { type: 'passport' | 'kz_iin'; number: string } | null;
  phone: string | null;
}

/** A screening and the case it opened, filled in as the timeline runs. */
export interface CaseRef {
  /** When the screening took place. */
  at: Date;
  facts: NarrativeFacts;
  person: DemoPerson | null;
  screener: string;
  screeningId?: string;
  screeningReference?: string;
  caseId?: string;
}

export interface ReportRef {
  reference?: string;
  id?: string;
}

export interface ScreenSpec {
  setting: string;
  region: string;
  /** The language the conversation was held in. */
  language: string;
  interpreter?: boolean;
  person: DemoPerson;
  exploitation: ExploitationType[];
  /** How many indicators were observed (0: none, an anonymous or a clear encounter). */
  indicators: number;
  consent?: 'identified' | 'declined';
  /** How the clerk writes the name; by default the agency's usual script. */
  script?: RecordScript;
  /** Whether the document number was written down (default: when the person has one). */
  withDocument?: boolean;
  /** Whether the birth date was written down (default: yes). */
  withBirthdate?: boolean;
}

export function createWorkflowKit(deps: AppDeps, dir: DirectoryAgency[], staff: { get(u: string): StaffActor }, timeline: Timeline, rng: Rng, now: Date) {
  const screenings = createScreeningsService(deps);
  const cases = createCasesService(deps);
  const reports = createSelfReportsService(deps);
  const stats = { screenings: 0, handovers: 0, actions: 0, reports: 0, skipped: 0 };

  /** A step on the timeline, unless its moment has not come yet (then its dependants do not run either). */
  const at = (t: Date, run: () => Promise<void>) => {
    if (t.getTime() >= now.getTime()) {
      stats.skipped++;
      return;
    }
    timeline.add(t, run);
  };

  function person(citizenship: string, female: boolean, age: number, opts: { document?: boolean } = {}): DemoPerson {
    const bank = BANK[citizenship] ?? RUSSIAN;
    const year = kazakhstanYear(now) - age - (rng.chance(0.5) ? 1 : 0);
    const month = rng.between(1, 12);
    const day = rng.between(1, 28);
    const birthdate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const hasDocument = opts.document ?? rng.chance(0.6);
    const document = !hasDocument
      ? null
      : citizenship === 'KZ'
        ? { type: 'kz_iin' as const, number: makeIin(rng, { year, month, day }, female) }
        : { type: 'passport' as const, number: makePassportNumber(rng, citizenship) };
    return {
      citizenship,
      female,
      age,
      birthdate,
      bank,
      name: drawNativeName(rng, bank, female),
      document,
      phone: rng.chance(0.7) ? makeMobilePhone(rng, citizenship === 'KZ' || rng.chance(0.5) ? 'KZ' : citizenship) : null,
    };
  }

  /** The script a clerk of this agency writes names in (core synthetic `scriptFor`, simplified). */
  function scriptOf(agency: DirectoryAgency, p: DemoPerson): RecordScript {
    if (agency.type === 'consulate' || agency.type === 'migration_service') return 'passport_latn';
    if ((agency.type === 'ngo' || agency.type === 'hotline') && p.citizenship === 'UZ') return 'uz_latn';
    return agency.language === 'ru' ? 'ru_cyrl' : 'kk_cyrl';
  }

  const agencyOf = (username: string) => {
    const u = userByName(dir, username);
    return dir.find((a) => a.id === u.agencyId) as DirectoryAgency;
  };

  /** A frontline screening by `by`; with consent it opens a case (and starts the urgent pathway where the setting asks). */
  function screen(by: string, t: Date, spec: ScreenSpec): CaseRef {
    const actor = staff.get(by);
    const agency = agencyOf(by);
    const p = spec.person;
    const consent = spec.consent ?? 'identified';
    const facts: NarrativeFacts = {
      female: p.female,
      age: p.age,
      citizenship: p.citizenship,
      regionCode: spec.region,
      setting: spec.setting,
      exploitation: spec.exploitation,
      indicators: drawIndicators(rng, spec.exploitation, spec.indicators),
      interpreter: spec.interpreter,
    };
    const ref: CaseRef = { at: t, facts, person: consent === 'identified' ? p : null, screener: by };
    const script = spec.script ?? scriptOf(agency, p);
    const render = (s: string) => renderName(s, p.bank.alphabet, script);
    const doc = (spec.withDocument ?? true) ? p.document : null;
    const body = CreateScreeningBody.parse({
      clientId: randomUUID(),
      encounterDate: kazakhstanDate(t),
      regionCode: spec.region,
      setting: spec.setting,
      language: spec.language,
      interpreterUsed: spec.interpreter ?? false,
      observed: facts.indicators,
      ageYears: p.age,
      gender: p.female ? 'Feminine' : 'Masculine',
      citizenship: p.citizenship,
      exploitationTypes: spec.exploitation,
      consent,
      ...(consent === 'identified'
        ? {
            person: {
              firstName: render(p.name.firstName),
              secondName: render(p.name.secondName),
              // Passport-based records have no field for a patronymic.
              ...(p.name.middleName && script !== 'passport_latn' ? { middleName: render(p.name.middleName) } : {}),
              ...((spec.withBirthdate ?? true) ? { birthdate: p.birthdate } : {}),
              ...(doc ? { identityDocumentType: doc.type, identityNumber: doc.number } : {}),
              ...(p.phone ? { mobilePhone: p.phone } : {}),
            },
            narrative: encounterNarrative(rng, actor.lang, facts),
          }
        : {}),
    });
    at(t, async () => {
      const s = await screenings.create(actor.auth, actor.audit, body);
      stats.screenings++;
      ref.screeningId = s.id;
      ref.screeningReference = s.reference;
      ref.caseId = s.caseId ?? undefined;
    });
    return ref;
  }

  /** The screener hands the case over to an identification unit: its 5-working-day clock starts. */
  function handover(ref: CaseRef, toKey: string, t: Date): void {
    const actor = staff.get(ref.screener);
    const to = agencyByKey(dir, toKey);
    at(t, async () => {
      await screenings.handover(actor.auth, actor.audit, required(ref.screeningId, 'screening'), to.id);
      stats.handovers++;
    });
  }

  /** Appends to the case log through the case service, as `by`. */
  function act(ref: CaseRef, by: string, t: Date, action: CaseActionInput): void {
    const actor = staff.get(by);
    const body = AppendCaseActionBody.parse({ clientId: randomUUID(), action });
    at(t, async () => {
      await cases.append(actor.auth, actor.audit, required(ref.caseId, 'case'), body);
      stats.actions++;
    });
  }

  const lang = (by: string) => staff.get(by).lang;

  return {
    stats,
    person,
    screen,
    handover,
    decide(ref: CaseRef, by: string, t: Date, positive: boolean) {
      act(ref, by, t, {
        type: 'identification_decided',
        outcome: positive ? 'ActualVictimOfTrafficking' : 'NotAVictimOfTrafficking',
        reasons: decisionReasons(rng, lang(by), positive, ref.facts),
        ...(positive ? { exploitationTypes: [...ref.facts.exploitation] } : {}),
      });
    },
    review(ref: CaseRef, by: string, t: Date, kind: 'review' | 'appeal') {
      act(ref, by, t, { type: 'identification_reviewed', kind, outcome: 'ActualVictimOfTrafficking', reasons: reviewReasons(rng, lang(by), kind) });
    },
    refer(ref: CaseRef, by: string, t: Date, toKey: string) {
      const to = agencyByKey(dir, toKey);
      act(ref, by, t, { type: 'referred', toAgencyId: to.id, text: referralNote(rng, lang(by), to.type === 'shelter' ? 'shelter' : 'ngo', ref.facts.female) });
    },
    note(ref: CaseRef, by: string, t: Date, kind: 'shelter' | 'worker' | 'officer') {
      act(ref, by, t, { type: 'note_added', text: caseNote(rng, lang(by), kind) });
    },
    flagNonPunishment(ref: CaseRef, by: string, t: Date) {
      act(ref, by, t, { type: 'non_punishment_flagged', text: nonPunishmentFlag(rng, lang(by), ref.facts) });
    },
    reviewNonPunishment(ref: CaseRef, by: string, t: Date, waived: boolean) {
      act(ref, by, t, {
        type: 'non_punishment_reviewed',
        decision: waived ? 'penalties_waived' : 'not_applicable',
        text: nonPunishmentReview(lang(by), waived),
      });
    },
    liftHold(ref: CaseRef, by: string, t: Date) {
      act(ref, by, t, { type: 'deportation_hold_lifted', text: holdLiftedNote(lang(by)) });
    },
    close(ref: CaseRef, by: string, t: Date, identified: boolean) {
      act(ref, by, t, { type: 'closed', text: closureNote(rng, lang(by), identified, ref.facts.female) });
    },
    /**
     * A lawyer assigned to the case. No service assigns cases yet (the lawyer's access is
     * `assigned` scope): the seed writes the assignment row itself, at its moment.
     */
    assign(ref: CaseRef, username: string, t: Date) {
      const user = userByName(dir, username);
      at(t, async () => {
        await deps.db.insert(caseAssignments).values({ caseId: required(ref.caseId, 'case'), userId: user.id, createdAt: t });
      });
    },
    /** A report from the public /report page, as the public route submits it. */
    report(t: Date, language: SelfReportLanguage, reporter: 'self' | 'witness', region: string | null): ReportRef {
      const ref: ReportRef = {};
      const safe = rng.chance(0.7);
      const body = SelfReportBody.parse({
        reporter,
        language,
        ...(region ? { regionCode: region } : {}),
        whatHappened: hotlineReport(rng, language, reporter),
        ...(safe ? { contact: makeMobilePhone(rng, 'KZ') } : {}),
        safeToContact: safe,
        situation: rng.pick([['documents_taken', 'not_paid'], ['cannot_leave', 'threatened'], ['debt', 'not_paid'], ['other']]),
      });
      at(t, async () => {
        const { reference } = await reports.submit({ actor: null, ip: null }, body);
        const [row] = await deps.db.select({ id: selfReports.id }).from(selfReports).where(eq(selfReports.reference, reference));
        ref.reference = reference;
        ref.id = row?.id;
        stats.reports++;
      });
      return ref;
    },
    /** The hotline operator moves a report on; `screened` names the screening she recorded. */
    reportStatus(rep: ReportRef, by: string, t: Date, status: 'in_progress' | 'screened' | 'closed', screening?: CaseRef) {
      const actor = staff.get(by);
      at(t, async () => {
        const body = SelfReportStatusBody.parse({ status, ...(screening ? { screeningReference: required(screening.screeningReference, 'screening') } : {}) });
        await reports.setStatus(actor.auth, actor.audit, required(rep.id, 'report'), body);
      });
    },
  };
}

export type WorkflowKit = ReturnType<typeof createWorkflowKit>;
