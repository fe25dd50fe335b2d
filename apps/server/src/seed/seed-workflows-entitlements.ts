/**
 * Entitlements in the demo (issue #10 item 4). Every identification decision of the workflows
 * already starts the person's entitlements (the cases service recomputes them). This scenario
 * adds foreign victims the Almaty police identified about six months ago, so that reflection
 * periods and residencies lapse within 30 days (the `entitlements_lapsing` queue, the reminders),
 * one whose medical care an NGO pays for, and one whose reflection period runs on while court
 * proceedings are open. Then every person's rows are brought to today and the sweep reminds.
 */
import { randomUUID } from 'node:crypto';
import { CreateScreeningBody } from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { entitlements } from '../db/schema.ts';
import { createCasesService } from '../modules/cases/cases.service.ts';
import { entitlementReminders } from '../modules/entitlements/entitlement-reminders.ts';
import { createEntitlementsService, recomputeEntitlements } from '../modules/entitlements/entitlements.service.ts';
import { createScreeningsService } from '../modules/screenings/screenings.service.ts';
import { kazakhstanDate } from '../util/kazakhstan-date.ts';
import { agencyByKey, type DirectoryAgency } from './demo-directory.ts';
import { openStaffActors } from './seed-timeline.ts';

const SCREENER = 'staff.police-almaty';
const OFFICER = 'staff.police-almaty.2';
const DAY = 86_400_000;

/** Who, identified how many days ago, and what was recorded on her entitlements afterwards. */
const PEOPLE = [
  { citizenship: 'UZ', female: true, first: 'Гулнора', family: 'Каримова', born: '1996-03-14', identifiedDaysAgo: 170, record: null },
  { citizenship: 'KG', female: false, first: 'Азамат', family: 'Жолдошев', born: '1991-09-02', identifiedDaysAgo: 178, record: null },
  { citizenship: 'TJ', female: true, first: 'Мадина', family: 'Рахимова', born: '1999-12-21', identifiedDaysAgo: 150, record: 'payer' },
  { citizenship: 'UZ', female: true, first: 'Дилафруз', family: 'Юсупова', born: '1994-06-30', identifiedDaysAgo: 200, record: 'extension' },
] as const;

export async function seedEntitlements(deps: AppDeps, dir: DirectoryAgency[]): Promise<{ persons: number; reminders: number }> {
  const now = deps.now();
  const clock = { now };
  const historic: AppDeps = { ...deps, now: () => clock.now };
  const moment = (daysAgo: number, hour: number) => {
    clock.now = new Date(now.getTime() - daysAgo * DAY + (hour - 12) * 3_600_000);
    return clock.now;
  };
  const staff = await openStaffActors(deps, dir, [SCREENER, OFFICER]);
  const screenings = createScreeningsService(historic);
  const casesSvc = createCasesService(historic);
  const rights = createEntitlementsService(historic);
  const screener = staff.get(SCREENER);
  const officer = staff.get(OFFICER);
  const unit = agencyByKey(dir, 'police-almaty');
  try {
    for (const p of PEOPLE) {
      try {
        const met = moment(p.identifiedDaysAgo + 3, 11);
        const s = await screenings.create(
          screener.auth,
          screener.audit,
          CreateScreeningBody.parse({
            clientId: randomUUID(),
            encounterDate: kazakhstanDate(met),
            regionCode: 'KZ-75',
            setting: 'detention_police_operation',
            language: 'ru',
            interpreterUsed: false,
            observed: ['short_form.documents_withheld', 'short_form.restricted_movement'],
            ageYears: Math.floor((now.getTime() - Date.parse(p.born)) / (365.25 * DAY)),
            gender: p.female ? 'Feminine' : 'Masculine',
            citizenship: p.citizenship,
            exploitationTypes: ['ForcedLabour'],
            consent: 'identified',
            person: { firstName: p.first, secondName: p.family, birthdate: p.born },
            narrative: 'Адам полиция рейдінде анықталды: құжаттары жұмыс берушіде, жатақханадан шыға алмайды.',
          }),
        );
        moment(p.identifiedDaysAgo + 3, 15);
        await screenings.handover(screener.auth, screener.audit, s.id, unit.id);
        const caseId = s.caseId as string;
        moment(p.identifiedDaysAgo, 10);
        const decided = await casesSvc.append(officer.auth, officer.audit, caseId, {
          clientId: randomUUID(),
          action: { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', reasons: 'Сұхбат пен бағалау: мәжбүрлі еңбек белгілері расталды.' },
        });
        moment(p.identifiedDaysAgo - 5, 12);
        if (p.record === 'payer') {
          await rights.act(officer.auth, officer.audit, decided.personId, 'medical', { clientId: randomUUID(), type: 'record_medical_payer', payer: 'ngo' });
        }
        if (p.record === 'extension') {
          await rights.act(officer.auth, officer.audit, decided.personId, 'reflection_period', {
            clientId: randomUUID(),
            type: 'record_extension',
            reason: 'proceedings_open',
            note: 'Сотта қылмыстық іс қаралып жатыр; жәбірленуші куә ретінде қатысады.',
          });
        }
      } catch (e) {
        if (process.env.QORGAU_SEED_DEBUG) console.error('entitlements seed skipped a person', e);
      }
    }
  } finally {
    clock.now = now;
    await staff.close();
  }
  // Every person's rows as of today (the decisions stored them as of their own day), then the sweep.
  const persons = await deps.db.selectDistinct({ personId: entitlements.personId }).from(entitlements);
  for (const r of persons) await deps.db.transaction((tx) => recomputeEntitlements(tx, deps, r.personId));
  const { notices } = await entitlementReminders(deps);
  return { persons: persons.length, reminders: notices };
}
