/**
 * The demo's referrals (issue #10 item 2): the Almaty police's identification officer (the demo
 * `identification` account) refers women whose cases her unit holds to the Almaty Crisis Centre
 * Shelter (the demo `shelter` account's), so every referral status shows: two waiting for the
 * shelter manager's answer, one overdue and escalated, one declined, one completed, one
 * withdrawn, one transferred to another provider (the history on both), one sent without
 * consent on an override with its reason, and one whose consent the person later withdrew.
 * Every step goes through the real services at its own moment in the past; a person the rules
 * refuse is skipped (the demo shows what passes). Runs after the other workflows.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { cases, persons, providers, referrals } from '../db/schema.ts';
import { createConsentsService } from '../modules/consents/consents.service.ts';
import { eligibleProviders } from '../modules/referrals/eligible-providers.ts';
import { escalateOverdueReferrals } from '../modules/referrals/referral-escalation.ts';
import { createReferralsService } from '../modules/referrals/referrals.service.ts';
import { kazakhstanDate } from '../util/kazakhstan-date.ts';
import type { DirectoryAgency } from './demo-directory.ts';
import { openStaffActors } from './seed-timeline.ts';

const OFFICER = 'identification';
const MANAGER = 'shelter';
const SHELTER_EN = 'Almaty Crisis Centre Shelter';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Story = 'waiting' | 'escalated' | 'declined' | 'completed' | 'withdrawn' | 'transferred' | 'override' | 'consent_withdrawn';
/** Each story and when it began (hours ago). */
const STORIES: [Story, number][] = [
  ['waiting', 3],
  ['escalated', 30],
  ['declined', 10 * 24],
  ['completed', 60 * 24],
  ['override', 3 * 24],
  ['consent_withdrawn', 15 * 24],
  ['transferred', 6 * 24],
  ['withdrawn', 8 * 24],
  ['waiting', 7],
];

export async function seedReferrals(deps: AppDeps, dir: DirectoryAgency[]): Promise<{ referrals: number }> {
  const now = deps.now();
  const clock = { now };
  const historic: AppDeps = { ...deps, now: () => clock.now };
  const staff = await openStaffActors(deps, dir, [OFFICER, MANAGER]);
  const at = (hoursAgo: number) => {
    clock.now = new Date(now.getTime() - hoursAgo * HOUR);
  };
  const svc = createReferralsService(historic);
  const consents = createConsentsService(historic);
  const officer = staff.get(OFFICER);
  const manager = staff.get(MANAGER);
  let made = 0;
  try {
    const [found] = await deps.db.select().from(providers).where(eq(providers.nameEn, SHELTER_EN));
    if (!found) return { referrals: 0 };
    const shelter = found;
    // Adult women whose case the officer's unit holds, not referred yet (newest first: the protection scenario takes the oldest).
    const candidates = await deps.db
      .select({ caseId: cases.id, personId: cases.personId, identified: sql<boolean>`${cases.traffickingStatus} = 'ActualVictimOfTrafficking'` })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(and(eq(cases.ownerAgencyId, officer.auth.user.agencyId), inArray(cases.status, ['open', 'identified', 'referred'])))
      // Persons not referred yet first (a person may have several referrals at once).
      .orderBy(sql`EXISTS (SELECT 1 FROM ${referrals} r WHERE r.person_id = ${persons.id})`, desc(cases.createdAt))
      .limit(8 * STORIES.length);
    const consentFor = (personId: string, providerId: string) =>
      consents.record(officer.auth, officer.audit, personId, {
        clientId: randomUUID(),
        providerId,
        shares: ['identity', 'contact', 'case_history'],
        validUntil: kazakhstanDate(new Date(now.getTime() + 180 * DAY)),
        givenBy: 'person',
      });
    const act = (who: typeof officer, id: string, action: Parameters<typeof svc.act>[3]['action']) =>
      svc.act(who.auth, who.audit, id, { clientId: randomUUID(), action });
    const used = new Set<string>();
    for (const [story, start] of STORIES) {
      // Cases not used yet first; then again (a person may have several referrals at once).
      const order = [...candidates.filter((c) => !used.has(c.caseId)), ...candidates.filter((c) => used.has(c.caseId))];
      for (const c of order) {
        if (await tell(story, start, c)) {
          used.add(c.caseId);
          break;
        }
      }
    }
    async function tell(story: Story, start: number, c: (typeof candidates)[number]): Promise<boolean> {
      try {
        at(start);
        // The shelter's manager answers most stories; a withdrawal or a transfer may start at any provider the rules allow.
        const options = (await eligibleProviders(historic, officer.auth, c.caseId)).items.filter((p) => !p.emergencyOnly || !c.identified);
        const own = options.find((p) => p.id === shelter.id);
        const provider = own ?? (story === 'withdrawn' || story === 'transferred' ? options.find((p) => p.regionCode === shelter.regionCode) : undefined);
        if (!provider) return false;
        const base = {
          clientId: randomUUID(),
          caseId: c.caseId,
          providerId: provider.id,
          services: provider.services.includes('shelter') ? (['shelter'] as const).slice() : provider.services.slice(0, 1),
          // Not yet identified: an emergency placement pending identification (the placement rules allow it).
          emergency: !c.identified && provider.emergencyOnly,
          ...(c.identified || !provider.emergencyOnly ? {} : { emergencyReason: 'Қауіпсіз орын бүгін керек: жұмыс беруші іздеп жүр' }),
        };
        const r =
          story === 'override'
            ? await svc.create(officer.auth, officer.audit, { ...base, overrideReason: 'Әйел есінен танған, ауруханадан шығарылды: келісімді кейін аламыз' })
            : await svc.create(officer.auth, officer.audit, { ...base, consentId: (await consentFor(c.personId, provider.id)).id });
        made++;
        if (story === 'declined') {
          at(start - 5);
          await act(manager, r.id, { type: 'declined', text: 'Бос орын жоқ: барлық төсек толы. Басқа баспананы ұсынамыз.' });
        } else if (story === 'completed') {
          at(start - 4);
          await act(manager, r.id, { type: 'accepted' });
          at(start - 40 * 24);
          await act(manager, r.id, { type: 'completed', text: 'Қызметтер көрсетілді, адам үйіне оралды.' });
        } else if (story === 'withdrawn') {
          at(start - 20);
          await act(officer, r.id, { type: 'withdrawn', text: 'Адам туыстарына кетті, баспана қажет емес.' });
        } else if (story === 'override') {
          at(start - 2);
          await act(manager, r.id, { type: 'accepted' });
        } else if (story === 'consent_withdrawn') {
          at(start - 3);
          await act(manager, r.id, { type: 'accepted' });
          at(4 * 24);
          await consents.withdraw(officer.auth, officer.audit, await consentIdOf(deps, r.id));
        } else if (story === 'transferred') {
          at(start - 24);
          const others = options.filter((p) => p.id !== provider.id && !p.emergencyOnly);
          const target = others.find((p) => p.regionCode === shelter.regionCode) ?? others[0];
          if (target) {
            const consent = await consentFor(c.personId, target.id);
            const moved = await act(officer, r.id, {
              type: 'transferred',
              text: 'Адамға психологиялық көмек жақын жерде керек.',
              providerId: target.id,
              services: target.services.slice(0, 1),
              consentId: consent.id,
            });
            if (moved.transferredTo) made++;
          }
        }
        return true;
      } catch (e) {
        if (process.env.QORGAU_SEED_DEBUG) console.error('referral seed skipped a person', e);
        return false;
      }
    }
    // The deadline sweep, as the server's timer runs it: the referral sent 30 hours ago escalates.
    clock.now = new Date(now.getTime() - HOUR);
    await escalateOverdueReferrals(historic);
  } finally {
    clock.now = now;
    await staff.close();
  }
  return { referrals: made };
}

async function consentIdOf(deps: AppDeps, referralId: string): Promise<string> {
  const [r] = await deps.db.select({ consentId: referrals.consentId }).from(referrals).where(eq(referrals.id, referralId));
  return r?.consentId ?? '';
}
