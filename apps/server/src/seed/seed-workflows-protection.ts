/**
 * The demo's protection cases (issue #10 item 3): women whose cases the Almaty police hold are
 * referred (with consent) to the Almaty Crisis Centre Shelter, whose manager (the demo `shelter`
 * account) accepts, opens their protection cases, assesses needs, sets plans, admits them
 * (some still there), records services with their cost, and closes some, so follow-ups stand
 * overdue or due soon; one closed case's person is screened again later, and her last case
 * worker finds a `reidentified` notice. Every step goes through the real services at its own
 * moment in the past. It runs after the other workflows, on the cases they left.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { cases, persons, protectionCases, providers } from '../db/schema.ts';
import { createConsentsService } from '../modules/consents/consents.service.ts';
import { linkageRecordOf } from '../modules/linkage/person-linkage-record.ts';
import { createProtectionActions } from '../modules/protection/protection-actions.service.ts';
import { createProtectionService } from '../modules/protection/protection.service.ts';
import { createReferralsService } from '../modules/referrals/referrals.service.ts';
import { createScreeningsService } from '../modules/screenings/screenings.service.ts';
import { kazakhstanDate } from '../util/kazakhstan-date.ts';
import type { DirectoryAgency } from './demo-directory.ts';
import { atLocal } from './seed-time.ts';
import { openStaffActors, type StaffActor } from './seed-timeline.ts';

const OFFICER = 'staff.police-almaty.2';
const MANAGER = 'shelter';
const SCREENER = 'staff.police-almaty';
const DAY = 86_400_000;
const SHELTER_EN = 'Almaty Crisis Centre Shelter';

/** Each person's story: when the referral came (days ago), her services, and when (if) she left and the case closed. */
const STORIES = [
  {
    start: 400,
    stay: 95,
    close: 'reintegrated',
    services: [
      ['medical', 2, 'consultation', 18_000, 'state_budget'],
      ['legal', 3, 'session', 45_000, 'international_donor'],
    ],
  },
  {
    start: 40,
    stay: null,
    close: null,
    services: [
      ['psychological', 4, 'session', 40_000, 'state_budget'],
      ['legal', 2, 'consultation', 25_000, 'provider_own_funds'],
    ],
  },
  {
    start: 75,
    stay: 30,
    close: 'returned_home',
    services: [
      ['psychological', 6, 'session', 60_000, 'state_budget'],
      ['medical', 1, 'consultation', 9_500, 'person'],
    ],
  },
  { start: 12, stay: null, close: null, services: [['medical', 1, 'consultation', 12_000, 'state_budget']] },
  { start: 5, stay: null, close: null, services: [] },
] as const;

export async function seedProtection(deps: AppDeps, dir: DirectoryAgency[]): Promise<{ cases: number; notices: number }> {
  const now = deps.now();
  const clock = { now };
  const historic: AppDeps = { ...deps, now: () => clock.now };
  const staff = await openStaffActors(deps, dir, [OFFICER, MANAGER, SCREENER]);
  // `daysAgo` days before today, at `hour` in Kazakhstan (office hours), never after now.
  const at = (daysAgo: number, hour: number) => {
    const t = atLocal(kazakhstanDate(new Date(now.getTime() - daysAgo * DAY)), hour, 7 * (daysAgo % 8));
    clock.now = t.getTime() < now.getTime() ? t : now;
    return kazakhstanDate(clock.now);
  };
  const protection = createProtectionService(historic);
  const act = createProtectionActions(historic, protection.read);
  const referralsSvc = createReferralsService(historic);
  const consents = createConsentsService(historic);
  const officer = staff.get(OFFICER);
  const manager = staff.get(MANAGER);
  let opened = 0;
  let notices = 0;
  try {
    const [shelter] = await deps.db.select().from(providers).where(eq(providers.nameEn, SHELTER_EN));
    if (!shelter) return { cases: 0, notices: 0 };
    // Adult women whose case the Almaty police hold (identified, or placed in an emergency pending it), with no protection case yet.
    const candidates = await deps.db
      .select({ caseId: cases.id, personId: cases.personId, identified: sql<boolean>`${cases.traffickingStatus} = 'ActualVictimOfTrafficking'` })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(
        and(
          eq(cases.ownerAgencyId, officer.auth.user.agencyId),
          inArray(cases.status, ['open', 'identified', 'referred']),
          inArray(persons.gender, ['Feminine']),
          sql`(${persons.birthYear} IS NULL OR ${persons.birthYear} < 2007)`,
          sql`NOT EXISTS (SELECT 1 FROM ${protectionCases} p WHERE p.person_id = ${persons.id})`,
        ),
      )
      .orderBy(asc(cases.createdAt))
      .limit(4 * STORIES.length);
    for (const c of candidates) {
      const i = opened;
      const story = STORIES[i];
      if (!story) break;
      try {
        const day = at(story.start, 10);
        const consent = await consents.record(officer.auth, officer.audit, c.personId, {
          clientId: randomUUID(),
          providerId: shelter.id,
          shares: ['identity', 'contact', 'case_history', 'health'],
          validUntil: kazakhstanDate(new Date(now.getTime() + 365 * DAY)),
          givenBy: 'person',
        });
        const referral = await referralsSvc.create(officer.auth, officer.audit, {
          clientId: randomUUID(),
          caseId: c.caseId,
          providerId: shelter.id,
          services: ['shelter', 'psychological', 'medical'],
          consentId: consent.id,
          // Not yet identified: an emergency placement pending identification (the placement rules allow it).
          emergency: !c.identified,
          ...(c.identified ? {} : { emergencyReason: 'Жұмыс берушінің қорқытуынан қауіпсіз орын керек' }),
        });
        at(story.start, 15);
        await referralsSvc.act(manager.auth, manager.audit, referral.id, { clientId: randomUUID(), action: { type: 'accepted' } });
        at(story.start, 16);
        const pc = await protection.open(manager.auth, manager.audit, { clientId: randomUUID(), referralId: referral.id });
        opened++;
        await act.assessNeeds(manager.auth, manager.audit, pc.id, {
          clientId: randomUUID(),
          needs: [
            { area: 'safety', level: 'high' },
            { area: 'psychological', level: 'medium' },
            { area: 'documents', level: i % 2 ? 'urgent' : 'low' },
            { area: 'employment', level: 'medium' },
          ],
        });
        await act.admit(manager.auth, manager.audit, pc.id, { clientId: randomUUID(), providerId: shelter.id, admittedOn: day, emergency: !c.identified });
        at(Math.max(story.start - 2, 0), 11);
        await act.setPlan(manager.auth, manager.audit, pc.id, {
          clientId: randomUUID(),
          type: 'LabourExploitationRehabilitation',
          objectives: 'Қауіпсіз тұру, құжаттарды қалпына келтіру, жұмысқа орналасу',
          actionPlan: 'Психолог кеңестері; заңгермен құжаттар; жұмыспен қамту орталығына жолдама',
          plannedEndDate: kazakhstanDate(new Date(now.getTime() + (90 - story.start) * DAY)),
        });
        for (const [j, [service, quantity, unit, costTenge, paidBy]] of story.services.entries()) {
          const d = at(Math.max(story.start - 3 - j * 4, 0), 14);
          await act.recordService(manager.auth, manager.audit, pc.id, {
            clientId: randomUUID(),
            date: d,
            providerId: shelter.id,
            service,
            quantity,
            unit,
            costTenge,
            paidBy,
          });
        }
        if (story.stay !== null) {
          const out = at(story.start - story.stay, 12);
          const stay = (await protection.read(manager.auth, manager.audit, pc.id)).stays[0];
          if (stay) await act.discharge(manager.auth, manager.audit, pc.id, { clientId: randomUUID(), stayId: stay.id, dischargedOn: out });
          if (story.close) await act.close(manager.auth, manager.audit, pc.id, { clientId: randomUUID(), reason: story.close });
        }
      } catch (e) {
        // A person the placement rules or the referral workflow refuse is skipped: the demo shows what passes.
        if (process.env.QORGAU_SEED_DEBUG) console.error('protection seed skipped a person', e, (e as { fields?: unknown }).fields);
      }
    }
    notices = await rescreenOne(historic, clock, now, staff.get(SCREENER));
  } finally {
    clock.now = now;
    await staff.close();
  }
  return { cases: opened, notices };
}

/** The person of the earliest closed case is met again by a police screener two days ago (the linkage matcher finds her). */
async function rescreenOne(deps: AppDeps, clock: { now: Date }, now: Date, screener: StaffActor) {
  const [closed] = await deps.db
    .select({ person: persons })
    .from(protectionCases)
    .innerJoin(persons, eq(persons.id, protectionCases.personId))
    .where(eq(protectionCases.status, 'closed'))
    .orderBy(asc(protectionCases.createdAt))
    .limit(1);
  if (!closed) return 0;
  const r = linkageRecordOf(deps.cipher, closed.person);
  clock.now = atLocal(kazakhstanDate(new Date(now.getTime() - 2 * DAY)), 15, 20);
  await createScreeningsService(deps).create(screener.auth, screener.audit, {
    clientId: randomUUID(),
    encounterDate: kazakhstanDate(clock.now),
    regionCode: 'KZ-75',
    setting: 'street',
    language: 'ru',
    interpreterUsed: false,
    observed: ['short_form.documents_withheld', 'short_form.debt_bondage'],
    ageYears: 30,
    gender: 'Feminine',
    citizenship: closed.person.citizenship,
    exploitationTypes: ['ForcedLabour'],
    consent: 'identified',
    person: { firstName: r.givenName ?? '', secondName: r.familyName ?? '', ...(r.birthDate ? { birthdate: r.birthDate } : {}) },
  } as Parameters<ReturnType<typeof createScreeningsService>['create']>[2]);
  return 1;
}
