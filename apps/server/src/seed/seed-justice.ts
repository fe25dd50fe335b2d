/**
 * Justice in motion in the demo (issue #11): the Almaty investigator's and prosecutor's criminal
 * cases of trafficking at every stage, with their defendants (one a complicit police officer,
 * one a business), charges and one reclassification, the verdict and sentences of a final case;
 * the victims of the Almaty police's identified caseload linked to them (one foreign, whose
 * reflection period then runs on while her case is open), their interviews (one video-recorded
 * in the shelter, one repeat with its reason), protective measures (the PPCP programme granted
 * with its cost; one request waiting for the prosecutor), the right to compensation explained,
 * a civil claim awarded and partly paid by the state fund, and the demo lawyer's legal-aid
 * assignment with her services. One case in Astana shows that scope ends at the region.
 *
 * Written directly (the demo's history predates the justice services), as the services write
 * it: names and free texts encrypted with the same field contexts, one event per action in
 * `criminal_case_events`, and the entitlements brought in line through `syncProceedings`. The
 * demo seed runs once into an empty database; every date derives from the injected clock.
 * Victims who are not linked here keep no compensation notice, so the case worker's reminder
 * (`compensation_unexplained`) has work.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { fromDayNumber, toDayNumber, type CriminalStage } from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import type { DbOrTx } from '../db/client.ts';
import {
  cases,
  civilClaims,
  compensationNotices,
  compensationPayments,
  criminalCaseEvents,
  criminalCases,
  defendants,
  entitlements,
  legalAidAssignments,
  legalServices,
  persons,
  proceedingVictims,
  protectiveMeasures,
  victimInterviews,
} from '../db/schema.ts';
import { nonPunishmentFlagOpen } from '../modules/cases/cases.repository.ts';
// The services' own encryption contexts: their pages decrypt what the demo wrote.
import { eventNoteContext, summaryContext } from '../modules/justice/criminal-cases.view.ts';
import { defendantNameContext } from '../modules/justice/defendants.service.ts';
import { repeatReasonContext } from '../modules/justice/proceeding-victims.service.ts';
import { syncProceedings } from '../modules/justice/proceedings-sync.ts';
import { kazakhstanDate } from '../util/kazakhstan-date.ts';
import { agencyByKey, userByName, type DirectoryAgency } from './demo-directory.ts';
import { ARTICLES_VERSION, CASES } from './seed-justice-cases.ts';
import { atLocal } from './seed-time.ts';

export interface JusticeSeedSummary {
  criminalCases: number;
  victims: number;
  /** The foreign victim linked to an open case (her reflection period runs on), if one was found. */
  foreignVictimId: string | null;
}

export async function seedJustice(deps: AppDeps, dir: DirectoryAgency[]): Promise<JusticeSeedSummary> {
  const now = deps.now();
  const today = kazakhstanDate(now);
  const day = (offset: number) => fromDayNumber(toDayNumber(today) + offset);
  // An event's moment: that day in office hours, never after now.
  const momentOf = (date: string, hour: number) => {
    const t = atLocal(date, hour, 10 + (toDayNumber(date) % 40));
    return t.getTime() < now.getTime() ? t : new Date(now.getTime() - 60_000);
  };
  const investigator = userByName(dir, 'investigator');
  const prosecutor = userByName(dir, 'prosecutor');
  const clerk = userByName(dir, 'clerk');
  const lawyer = userByName(dir, 'lawyer');
  const police = agencyByKey(dir, 'police-almaty');
  const policeAstana = agencyByKey(dir, 'police-astana');
  const astanaOfficer = policeAstana.users[0];
  if (!astanaOfficer) throw new Error('demo seed: police-astana has no staff');

  // The victims: persons the Almaty police identified; the foreign ones whose reflection period is not about to lapse first.
  const identified = await deps.db
    .select({ personId: persons.id, citizenship: persons.citizenship })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(eq(cases.ownerAgencyId, police.id), eq(cases.traffickingStatus, 'ActualVictimOfTrafficking'), eq(cases.regionCode, 'KZ-75')))
    .orderBy(asc(cases.createdAt), asc(cases.id));
  const unique = [...new Map(identified.map((r) => [r.personId, r])).values()];
  if (unique.length === 0) return { criminalCases: 0, victims: 0, foreignVictimId: null };
  const lapsing = new Set(
    (
      await deps.db
        .select({ personId: entitlements.personId })
        .from(entitlements)
        .where(
          and(
            inArray(
              entitlements.personId,
              unique.map((u) => u.personId),
            ),
            eq(entitlements.kind, 'reflection_period'),
            ne(entitlements.state, 'active'),
          ),
        )
    ).map((r) => r.personId),
  );
  const foreign = unique.filter((u) => u.citizenship !== 'KZ').sort((a, b) => Number(lapsing.has(a.personId)) - Number(lapsing.has(b.personId)));
  const local = unique.filter((u) => u.citizenship === 'KZ');
  const foreignVictim = foreign[0] ?? null;
  // Everyone else, Kazakh citizens first, reused when the caseload is small.
  const others = [...local, ...foreign.slice(1)];
  const pick = (i: number) => (others.length ? others[i % others.length] : unique[i % unique.length]) as { personId: string; citizenship: string };

  // A person flagged for non-punishment (the flag still open) whom the trafficking case names as a victim:
  // the prosecutor's flag then shows that criminal case (issue #11 item 4).
  const [flagged] = await deps.db
    .select({ person_id: cases.personId })
    .from(cases)
    .where(and(eq(cases.regionCode, 'KZ-75'), nonPunishmentFlagOpen))
    .orderBy(asc(cases.createdAt), asc(cases.id))
    .limit(1);
  const caseIds = new Map<string, string>();
  const linked = new Set<string>();

  await deps.db.transaction(async (tx) => {
    const event = async (
      caseId: string,
      type: string,
      date: string,
      hour: number,
      details: Record<string, unknown>,
      by: typeof investigator,
      note?: string,
    ) => {
      const clientId = randomUUID();
      await tx.insert(criminalCaseEvents).values({
        clientId,
        criminalCaseId: caseId,
        type,
        details,
        noteEnc: note ? deps.cipher.encrypt(note, eventNoteContext(clientId)) : null,
        actorId: by.id,
        agencyId: by.agencyId,
        at: momentOf(date, hour),
      });
    };

    for (const [i, spec] of CASES.entries()) {
      const id = randomUUID();
      caseIds.set(spec.key, id);
      const almaty = spec.region === 'KZ-75';
      const author = almaty ? investigator : { ...investigator, id: astanaOfficer.id, agencyId: astanaOfficer.agencyId };
      const registeredOn = day(-spec.registered);
      const last = spec.path.at(-1);
      const stage: CriminalStage = last?.stage ?? 'registered';
      const stageOn = last ? day(-last.daysAgo) : registeredOn;
      const closed = stage === 'final' || stage === 'terminated';
      const erdr = `${registeredOn.slice(2, 4)}${almaty ? '7511' : '7111'}00${String(31_000 + i * 137).padStart(7, '0')}`;
      await tx.insert(criminalCases).values({
        id,
        clientId: randomUUID(),
        erdrNumber: erdr,
        articles: spec.articles,
        articlesVersion: ARTICLES_VERSION,
        exploitationTypes: spec.exploitation,
        summaryEnc: deps.cipher.encrypt(spec.summary, summaryContext(id)),
        regionCode: spec.region,
        ownerAgencyId: author.agencyId,
        createdBy: author.id,
        investigatorId: almaty ? investigator.id : astanaOfficer.id,
        prosecutorId: almaty ? prosecutor.id : null,
        stage,
        stageOn,
        stageReason: last?.reason ?? null,
        registeredOn,
        deadlineOn: spec.deadline === null ? null : day(spec.deadline),
        endedOn: closed ? stageOn : null,
        createdAt: momentOf(registeredOn, 10),
        updatedAt: momentOf(stageOn, 16),
      });
      await event(id, 'registered', registeredOn, 10, { erdrNumber: erdr, articles: spec.articles, regionCode: spec.region, registeredOn }, author);
      if (almaty) await event(id, 'assign', registeredOn, 15, { investigatorId: investigator.id, prosecutorId: prosecutor.id }, prosecutor);
      let from: CriminalStage = 'registered';
      for (const step of spec.path) {
        const on = day(-step.daysAgo);
        const inCourt = step.stage === 'first_instance_verdict' || step.stage === 'appeal' || step.stage === 'final';
        const by = !almaty ? author : inCourt ? clerk : step.stage === 'sent_to_court' ? prosecutor : investigator;
        await event(id, 'change_stage', on, 11, { from, to: step.stage, on, ...(step.reason ? { reason: step.reason } : {}) }, by);
        from = step.stage;
      }
      for (const [seqIndex, d] of spec.defendants.entries()) {
        const defendantId = randomUUID();
        const seq = seqIndex + 1;
        const charged = day(-spec.registered + 2 + seqIndex);
        const outcomeOn = d.outcome && last?.stage === 'final' ? day(-(spec.path.find((p) => p.stage === 'first_instance_verdict')?.daysAgo ?? 0)) : null;
        await tx.insert(defendants).values({
          id: defendantId,
          clientId: randomUUID(),
          criminalCaseId: id,
          seq,
          kind: d.kind,
          nameEnc: deps.cipher.encrypt(d.name, defendantNameContext(defendantId)),
          citizenship: d.citizenship,
          status: d.status,
          official: Boolean(d.official),
          officialAgencyType: d.official ?? null,
          articles: d.articles,
          outcome: outcomeOn ? 'convicted' : null,
          outcomeOn,
          sentenceKind: outcomeOn ? (d.outcome?.kind ?? null) : null,
          sentenceMonths: outcomeOn && d.outcome?.kind === 'custodial' ? d.outcome.months : null,
          fineTenge: outcomeOn && d.outcome?.kind === 'fine' ? d.outcome.tenge : null,
          createdBy: author.id,
          createdAt: momentOf(charged, 12),
          updatedAt: momentOf(outcomeOn ?? charged, 13),
        });
        const first = d.chargedFirst ?? d.articles;
        await event(
          id,
          'add_defendant',
          charged,
          12,
          {
            defendantId,
            seq,
            kind: d.kind,
            official: Boolean(d.official),
            ...(d.official ? { officialAgencyType: d.official } : {}),
            articles: first,
            reason: 'initial',
            on: charged,
            chargeNo: 0,
          },
          author,
        );
        if (d.chargedFirst) {
          const on = day(-spec.registered + 90);
          await event(
            id,
            'charge',
            on,
            14,
            { defendantId, seq, from: d.chargedFirst, articles: d.articles, reason: 'reclassified_by_prosecutor', on, chargeNo: 1 },
            prosecutor,
            'Жәбірленушіні бірнеше күн бойы пәтерде қамап ұстағаны анықталды: 125-бап қосылды.',
          );
        }
        if (outcomeOn && d.outcome) {
          const sentence =
            d.outcome.kind === 'custodial'
              ? { sentenceKind: 'custodial', sentenceMonths: d.outcome.months }
              : { sentenceKind: 'fine', fineTenge: d.outcome.tenge };
          await event(id, 'record_outcome', outcomeOn, 15, { defendantId, seq, outcome: 'convicted', on: outcomeOn, ...sentence }, clerk);
        }
      }
    }

    // Victims in proceedings.
    const link = async (caseKey: string, personId: string, linkedDaysAgo: number, extra: Partial<typeof proceedingVictims.$inferInsert> = {}) => {
      const caseId = caseIds.get(caseKey) as string;
      const pvId = randomUUID();
      const linkedOn = day(-linkedDaysAgo);
      await tx.insert(proceedingVictims).values({
        id: pvId,
        clientId: randomUUID(),
        criminalCaseId: caseId,
        personId,
        proceduralRole: 'victim',
        linkedOn,
        participated: true,
        linkedBy: investigator.id,
        createdAt: momentOf(linkedOn, 12),
        ...extra,
      });
      await event(
        caseId,
        'link_victim',
        linkedOn,
        12,
        { proceedingVictimId: pvId, personId, proceduralRole: extra.proceduralRole ?? 'victim', linkedOn },
        investigator,
      );
      linked.add(personId);
      return { pvId, caseId, personId };
    };
    const interview = async (
      v: { pvId: string; caseId: string; personId: string },
      daysAgo: number,
      opts: { place: string; video: boolean; socialWorker: boolean; interpreter: boolean; language: string; repeatReason?: string },
    ) => {
      const id = randomUUID();
      const heldOn = day(-daysAgo);
      await tx.insert(victimInterviews).values({
        id,
        clientId: randomUUID(),
        proceedingVictimId: v.pvId,
        criminalCaseId: v.caseId,
        personId: v.personId,
        heldOn,
        place: opts.place,
        videoRecorded: opts.video,
        socialWorkerPresent: opts.socialWorker,
        interpreterPresent: opts.interpreter,
        language: opts.language,
        repeatReasonEnc: opts.repeatReason ? deps.cipher.encrypt(opts.repeatReason, repeatReasonContext(id)) : null,
        recordedBy: investigator.id,
        createdAt: momentOf(heldOn, 14),
      });
      await event(
        v.caseId,
        'record_interview',
        heldOn,
        14,
        { interviewId: id, heldOn, place: opts.place, videoRecorded: opts.video, repeat: Boolean(opts.repeatReason) },
        investigator,
      );
    };
    const measure = async (
      v: { pvId: string; caseId: string; personId: string },
      kind: string,
      requestedDaysAgo: number,
      decided?: { daysAgo: number; cost: number | null },
    ) => {
      const id = randomUUID();
      const requestedOn = day(-requestedDaysAgo);
      await tx.insert(protectiveMeasures).values({
        id,
        clientId: randomUUID(),
        proceedingVictimId: v.pvId,
        criminalCaseId: v.caseId,
        personId: v.personId,
        measure: kind,
        status: decided ? 'granted' : 'requested',
        requestedOn,
        decidedOn: decided ? day(-decided.daysAgo) : null,
        costTenge: decided?.cost ?? null,
        requestedBy: investigator.id,
        decidedBy: decided ? prosecutor.id : null,
        createdAt: momentOf(requestedOn, 15),
      });
      await event(v.caseId, 'request_measure', requestedOn, 15, { measureId: id, measure: kind, requestedOn }, investigator);
      if (decided) {
        const on = day(-decided.daysAgo);
        await event(v.caseId, 'decide_measure', on, 11, { measureId: id, measure: kind, status: 'granted', on, costTenge: decided.cost }, prosecutor);
      }
    };
    const notice = async (personId: string, caseKey: string, daysAgo: number, language: string, by: typeof investigator) => {
      const informedOn = day(-daysAgo);
      await tx.insert(compensationNotices).values({
        clientId: randomUUID(),
        personId,
        informedOn,
        language,
        informedBy: by.id,
        agencyId: by.agencyId,
        criminalCaseId: caseIds.get(caseKey) ?? null,
        createdAt: momentOf(informedOn, 16),
      });
    };

    // The foreign victim: an open investigation; interviewed on video in the shelter, then again for a confrontation.
    if (foreignVictim) {
      const v = await link('investigation_due', foreignVictim.personId, 50, { proceduralRole: 'victim_civil_plaintiff', employedSince: day(-20) });
      await interview(v, 48, { place: 'shelter', video: true, socialWorker: true, interpreter: true, language: 'uz' });
      await interview(v, 12, {
        place: 'prosecutor_office',
        video: false,
        socialWorker: true,
        interpreter: true,
        language: 'uz',
        repeatReason: 'Күдіктімен бетпе-бет сөйлесу қажет: ол жәбірленушінің айғақтарын жоққа шығарды.',
      });
      // Threats after the confrontation: personal security requested two days ago, waiting for the prosecutor.
      await measure(v, 'personal_security', 2);
      await notice(v.personId, 'investigation_due', 47, 'uz', investigator);
      // The demo lawyer's client: state legal aid, with two services delivered.
      const assignmentId = randomUUID();
      await tx.insert(legalAidAssignments).values({
        id: assignmentId,
        clientId: randomUUID(),
        personId: v.personId,
        lawyerId: lawyer.id,
        lawyerAgencyId: lawyer.agencyId,
        funding: 'state_legal_aid',
        criminalCaseId: v.caseId,
        assignedOn: day(-46),
        assignedBy: prosecutor.id,
        createdAt: momentOf(day(-46), 11),
      });
      for (const [service, daysAgo, hours] of [
        ['consultation', 45, '1.5'],
        ['representation_pretrial', 12, '3'],
      ] as const) {
        await tx.insert(legalServices).values({
          clientId: randomUUID(),
          assignmentId,
          personId: v.personId,
          deliveredOn: day(-daysAgo),
          service,
          hours,
          recordedBy: lawyer.id,
          createdAt: momentOf(day(-daysAgo), 17),
        });
      }
    }

    // A minor in the overdue investigation: the PPCP programme granted with its cost.
    const minor = await link('investigation_overdue', pick(0).personId, 60);
    await interview(minor, 59, { place: 'shelter', video: true, socialWorker: true, interpreter: false, language: 'kk' });
    await measure(minor, 'ppcp_programme', 58, { daysAgo: 55, cost: 240_000 });
    // Identity kept confidential in the case before the court; a claim filed with the criminal case.
    const inCourt = await link('sent_to_court', pick(1).personId, 180, { proceduralRole: 'victim_civil_plaintiff' });
    await interview(inCourt, 178, { place: 'police_station', video: false, socialWorker: false, interpreter: false, language: 'ru' });
    await measure(inCourt, 'identity_confidentiality', 175, { daysAgo: 173, cost: null });
    await notice(inCourt.personId, 'sent_to_court', 179, 'ru', investigator);
    await tx.insert(civilClaims).values({
      clientId: randomUUID(),
      personId: inCourt.personId,
      criminalCaseId: inCourt.caseId,
      mode: 'with_criminal_case',
      filedOn: day(-30),
      claimedTenge: 2_500_000,
      filedBy: prosecutor.id,
      createdAt: momentOf(day(-30), 12),
    });
    // The flagged person: a victim-witness in the case before the court, where the organisers made her sell their goods.
    if (flagged && flagged.person_id !== inCourt.personId) {
      await link('sent_to_court', flagged.person_id, 150, { proceduralRole: 'victim_witness' });
    }
    // The final case: awarded, and the state fund paid a first part.
    const final = await link('final', pick(2).personId, 410, { proceduralRole: 'victim_civil_plaintiff', leftCountryOn: null });
    await interview(final, 405, { place: 'shelter', video: true, socialWorker: true, interpreter: false, language: 'ru' });
    await notice(final.personId, 'final', 409, 'ru', prosecutor);
    const claimId = randomUUID();
    const awardedOn = day(-120);
    await tx.insert(civilClaims).values({
      id: claimId,
      clientId: randomUUID(),
      personId: final.personId,
      criminalCaseId: final.caseId,
      mode: 'with_criminal_case',
      filedOn: day(-260),
      claimedTenge: 4_000_000,
      awardedTenge: 3_000_000,
      awardedOn,
      filedBy: prosecutor.id,
      createdAt: momentOf(day(-260), 12),
      updatedAt: momentOf(awardedOn, 15),
    });
    await tx.insert(compensationPayments).values({
      clientId: randomUUID(),
      claimId,
      personId: final.personId,
      paidOn: day(-20),
      amountTenge: 1_000_000,
      source: 'state_fund',
      recordedBy: prosecutor.id,
      createdAt: momentOf(day(-20), 11),
    });
    // The Astana case has its own victim: the same foreign victim is not in it, and no Almaty account sees it.
  });

  // Her entitlements follow her proceedings: an open case extends a foreign victim's reflection period.
  for (const personId of linked) {
    await deps.db.transaction((tx: DbOrTx) => syncProceedings(tx, deps, personId, { userId: investigator.id, agencyId: investigator.agencyId }));
  }
  // The counts of who is in which case, for the summary line.
  const [n] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(proceedingVictims);
  return { criminalCases: caseIds.size, victims: Number(n?.n ?? 0), foreignVictimId: foreignVictim?.personId ?? null };
}
