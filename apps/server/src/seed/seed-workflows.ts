/**
 * The demo's workflows in motion: what each demo account finds waiting when it signs in. Every
 * event goes through the real service at its own moment in the past (seed-timeline.ts), so
 * references, deadlines, encryption, blind indexes, duplicate proposals and audit are written
 * as in real use.
 *
 * - screenings by every frontline agency (labour inspectors, police, a consulate, a hospital,
 *   a school, the migration service, the hotline, an NGO's outreach), some anonymous (an adult
 *   declined), some handed over to an identification unit;
 * - the identification queue of police in Almaty (the `identification` account): cases whose
 *   5-working-day deadline is comfortable, due today or tomorrow, or overdue, two with the
 *   person's deportation on hold;
 * - decisions, an internal review and an appeal, referrals to shelters and NGOs, notes, closures;
 * - non-punishment flags waiting for the Almaty prosecutor, and one she already reviewed;
 * - hotline reports from the public in Kazakh, Russian, English, Uzbek and Kyrgyz;
 * - the same people met twice by different agencies and written in different scripts, which
 *   the linkage engine proposes as possible duplicates.
 */
import { addWorkingDays, deadlineStatus, hashSeed, isWorkingDay, Rng, type DeadlineStatus } from '@qorgau/core';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { kazakhstanDate } from '../util/kazakhstan-date.ts';
import type { DirectoryAgency } from './demo-directory.ts';
import { createWorkflowKit, type WorkflowKit } from './seed-workflow-kit.ts';
import { after, atLocal, daysAgo, soonAfter } from './seed-time.ts';
import { openStaffActors, Timeline } from './seed-timeline.ts';

/** The random stream of the workflows (core synthetic streams are per record; this one is global). */
const STREAM_WORKFLOWS = 9_001;
/** The case list warns this many working days before an identification deadline (cases.view.ts). */
const DUE_SOON_DAYS = 1;
const DAY = 86_400_000;

/** Everyone who acts in the workflows below. */
const ACTORS = [
  'screener',
  'hotline',
  'identification',
  'caseworker',
  'prosecutor',
  'staff.police-almaty',
  'staff.police-almaty.2',
  'staff.police-astana',
  'staff.police-astana.2',
  'staff.police-turkistan',
  'staff.police-turkistan.2',
  'staff.labour-shymkent',
  'staff.consulate-tashkent',
  'staff.health-karaganda',
  'staff.education-atyrau',
  'staff.ngo-almaty.2',
  'staff.migration-almaty',
  'staff.hotline',
] as const;

/**
 * Working days before today, most recent first, grouped by where a 5-working-day deadline
 * counted from that day stands today (the working calendar in force, today in Kazakhstan).
 */
function deadlineDays(today: string, days: number, cal: Awaited<ReturnType<AppDeps['reference']['calendar']>>): Record<DeadlineStatus, string[]> {
  const out: Record<DeadlineStatus, string[]> = { ok: [], due_soon: [], overdue: [] };
  for (let k = 1; k <= 30; k++) {
    const day = kazakhstanDate(new Date(Date.parse(`${today}T12:00:00Z`) - k * DAY));
    if (!isWorkingDay(day, cal)) continue;
    out[deadlineStatus(addWorkingDays(day, days, cal), today, DUE_SOON_DAYS, cal)].push(day);
  }
  return out;
}

export interface WorkflowSummary {
  screenings: number;
  handovers: number;
  actions: number;
  reports: number;
}

export async function seedWorkflows(deps: AppDeps, dir: DirectoryAgency[], opts: { seed: number }): Promise<WorkflowSummary> {
  const now = deps.now();
  const clock = { now };
  const rng = new Rng(hashSeed(opts.seed, STREAM_WORKFLOWS));
  const today = kazakhstanDate(now);
  const days = deadlineDays(today, deps.config.identificationDays, await deps.reference.calendar());
  /** A working day whose deadline stands at `status` today (the `nth` most recent such day). */
  const dayFor = (status: DeadlineStatus, nth: number) => {
    // With a deadline of one or two days (QORGAU_IDENTIFICATION_DAYS) a status may have no day: the nearest other one.
    const list = days[status].length ? days[status] : [...days.ok, ...days.due_soon, ...days.overdue].sort().reverse();
    return list[Math.min(nth, list.length - 1)] as string;
  };
  const ago = (d: number) => daysAgo(now, d, rng);
  const on = (day: string, hour: number) => atLocal(day, hour, rng.int(60));
  const staff = await openStaffActors(deps, dir, ACTORS);
  // The services read this clock: each step runs at its own moment in the past.
  const historic: AppDeps = { ...deps, now: () => clock.now };
  const timeline = new Timeline();
  const kit = createWorkflowKit(historic, dir, staff, timeline, rng, now);
  try {
    labourInspectors(kit, ago, rng);
    hotline(kit, ago, on, dayFor, rng);
    policeAlmaty(kit, ago, on, dayFor, rng);
    migration(kit, ago, on, dayFor, rng);
    elsewhere(kit, ago, on, dayFor, rng);
    await timeline.run(clock);
  } finally {
    await staff.close();
  }
  await settleTimestamps(deps);
  const { stats } = kit;
  return { screenings: stats.screenings, handovers: stats.handovers, actions: stats.actions, reports: stats.reports };
}

type Ago = (days: number) => Date;
type On = (day: string, hour: number) => Date;
type DayFor = (status: DeadlineStatus, nth: number) => string;

/** The `screener` account (a labour inspector in Shymkent, Turkistan region too) and a colleague. */
function labourInspectors(k: WorkflowKit, ago: Ago, rng: Rng) {
  const farm1 = k.screen('screener', ago(112), {
    setting: 'farm',
    region: 'KZ-61',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', true, 34),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  let t = after(farm1.at, 0.2, 1, rng);
  k.handover(farm1, 'police-turkistan', t);
  t = after(t, 2, 5, rng);
  k.decide(farm1, 'staff.police-turkistan.2', t, true);
  k.refer(farm1, 'staff.police-turkistan.2', after(t, 0.5, 2, rng), 'shelter-shymkent');

  const site = k.screen('screener', ago(76), {
    setting: 'construction_site',
    region: 'KZ-79',
    language: 'ru',
    person: k.person('UZ', false, 27),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.note(site, 'screener', after(site.at, 2, 4, rng), 'officer');
  k.screen('screener', ago(61), {
    setting: 'farm',
    region: 'KZ-61',
    language: 'ky',
    interpreter: true,
    person: k.person('KG', false, 41),
    exploitation: ['ForcedLabour'],
    indicators: 2,
    consent: 'declined',
  });
  k.screen('screener', ago(42), {
    setting: 'factory',
    region: 'KZ-79',
    language: 'kk',
    person: k.person('KZ', true, 19),
    exploitation: ['ForcedLabour'],
    indicators: 1,
  });
  const farm2 = k.screen('screener', ago(29), {
    setting: 'farm',
    region: 'KZ-61',
    language: 'ru',
    person: k.person('TJ', false, 23),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  t = soonAfter(farm2.at, rng);
  k.handover(farm2, 'police-turkistan', t);
  k.decide(farm2, 'staff.police-turkistan.2', after(t, 3, 5, rng), false);
  k.screen('screener', ago(16), {
    setting: 'market',
    region: 'KZ-79',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', true, 45),
    exploitation: [],
    indicators: 0,
    consent: 'declined',
  });
  const site2 = k.screen('screener', ago(7), {
    setting: 'construction_site',
    region: 'KZ-61',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', false, 30),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  k.handover(site2, 'police-turkistan', soonAfter(site2.at, rng));
  k.screen('screener', ago(3), {
    setting: 'factory',
    region: 'KZ-79',
    language: 'kk',
    person: k.person('KZ', false, 16),
    exploitation: ['ChildLabour'],
    indicators: 2,
  });

  const colleague = k.screen('staff.labour-shymkent', ago(95), {
    setting: 'farm',
    region: 'KZ-61',
    language: 'kk',
    person: k.person('KZ', false, 52),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  t = after(colleague.at, 0.1, 1, rng);
  k.handover(colleague, 'police-turkistan', t);
  k.decide(colleague, 'staff.police-turkistan.2', after(t, 1, 4, rng), true);
  k.screen('staff.labour-shymkent', ago(34), {
    setting: 'construction_site',
    region: 'KZ-79',
    language: 'ru',
    person: k.person('TJ', false, 36),
    exploitation: ['ForcedLabour'],
    indicators: 1,
  });
}

/** The national hotline (the `hotline` account and a colleague), and the public's reports in five languages. */
function hotline(k: WorkflowKit, ago: Ago, on: On, dayFor: DayFor, rng: Rng) {
  const astana = k.screen('hotline', ago(131), {
    setting: 'hotline',
    region: 'KZ-71',
    language: 'ru',
    person: k.person('KZ', true, 22),
    exploitation: ['SexualExploitation'],
    indicators: 3,
  });
  let t = soonAfter(astana.at, rng);
  k.handover(astana, 'police-astana', t);
  t = after(t, 2, 5, rng);
  k.decide(astana, 'staff.police-astana.2', t, true);
  k.refer(astana, 'staff.police-astana.2', after(t, 0.5, 2, rng), 'ngo-astana');

  // Overdue: handed over seven working days ago, still waiting in police Almaty's queue.
  const overdue = k.screen('hotline', on(dayFor('overdue', 1), 9), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'ky',
    interpreter: true,
    person: k.person('KG', false, 35),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  k.handover(overdue, 'police-almaty', on(dayFor('overdue', 1), 13));
  // Due tomorrow or today.
  const soon = k.screen('hotline', on(dayFor('due_soon', 0), 9), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 17),
    exploitation: ['SexualExploitation'],
    indicators: 2,
  });
  k.handover(soon, 'police-almaty', on(dayFor('due_soon', 0), 14));
  k.screen('hotline', ago(21), {
    setting: 'hotline',
    region: 'KZ-19',
    language: 'kk',
    person: k.person('KZ', false, 44),
    exploitation: ['ForcedLabour'],
    indicators: 1,
    consent: 'declined',
  });

  // A report from the public, taken up by the operator, screened on the phone and handed over.
  const okDay = dayFor('ok', 1);
  const called = k.report(atLocal(okDay, 7, 40), 'ru', 'self', 'KZ-75');
  k.reportStatus(called, 'hotline', on(okDay, 9), 'in_progress');
  const onPhone = k.screen('hotline', on(okDay, 10), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('KG', true, 26),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.reportStatus(called, 'hotline', on(okDay, 11), 'screened', onPhone);
  k.handover(onPhone, 'police-almaty', on(okDay, 15));
  const recent = k.screen('hotline', ago(2), {
    setting: 'hotline',
    region: 'KZ-71',
    language: 'ru',
    person: k.person('RU', true, 31),
    exploitation: ['Servitude'],
    indicators: 2,
  });
  k.handover(recent, 'police-astana', soonAfter(recent.at, rng, 60));

  const ngoCase = k.screen('staff.hotline', ago(52), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 29),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  t = soonAfter(ngoCase.at, rng);
  k.handover(ngoCase, 'ngo-almaty', t);
  t = after(t, 2, 4, rng);
  k.decide(ngoCase, 'staff.ngo-almaty.2', t, true);
  t = after(t, 0.5, 2, rng);
  k.refer(ngoCase, 'caseworker', t, 'shelter-almaty');
  k.note(ngoCase, 'caseworker', after(t, 10, 20, rng), 'worker');
  k.screen('staff.hotline', ago(160), {
    setting: 'hotline',
    region: 'KZ-19',
    language: 'kk',
    person: k.person('KZ', false, 38),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.screen('staff.hotline', ago(10), {
    setting: 'hotline',
    region: 'KZ-79',
    language: 'uz',
    person: k.person('UZ', true, 24),
    exploitation: [],
    indicators: 1,
    consent: 'declined',
  });

  // The hotline queue: new and in-progress reports in every language of the /report page.
  const queue: [number, 'kk' | 'ru' | 'en' | 'uz' | 'ky', 'self' | 'witness', string | null][] = [
    [9, 'uz', 'self', 'KZ-75'],
    [6, 'kk', 'witness', 'KZ-71'],
    [4, 'en', 'witness', 'KZ-71'],
    [2, 'ky', 'self', 'KZ-75'],
    [1, 'ru', 'witness', 'KZ-61'],
    [11, 'kk', 'self', null],
    [0, 'ky', 'witness', 'KZ-19'],
    [14, 'uz', 'witness', 'KZ-79'],
    [19, 'en', 'self', 'KZ-75'],
  ];
  for (const [d, language, reporter, region] of queue) {
    const at = ago(d);
    const report = k.report(at, language, reporter, region);
    if (d === 4 || d === 11) k.reportStatus(report, 'hotline', soonAfter(at, rng, 120), 'in_progress');
    if (d >= 14) k.reportStatus(report, 'hotline', after(at, 0.2, 1, rng), 'closed');
  }
}

/** Police Almaty: raids by its officers, and the identification unit's decisions and reviews. */
function policeAlmaty(k: WorkflowKit, ago: Ago, on: On, dayFor: DayFor, rng: Rng) {
  // A detention operation starts the identification clock at once: no handover needed.
  const raid = k.screen('staff.police-almaty', ago(203), {
    setting: 'detention_police_operation',
    region: 'KZ-75',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', true, 26),
    exploitation: ['SexualExploitation'],
    indicators: 3,
  });
  let t = after(raid.at, 1, 3, rng);
  k.decide(raid, 'identification', t, true);
  t = after(t, 0.2, 1, rng);
  k.refer(raid, 'identification', t, 'shelter-almaty');
  t = after(t, 10, 20, rng);
  k.review(raid, 'staff.police-almaty.2', t, 'review');
  k.close(raid, 'identification', after(t, 60, 90, rng), true);

  k.screen('staff.police-almaty', on(dayFor('due_soon', 1), 11), {
    setting: 'detention_police_operation',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('TJ', false, 31),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.screen('staff.police-almaty', on(dayFor('ok', 0), 16), {
    setting: 'detention_police_operation',
    region: 'KZ-19',
    language: 'kk',
    person: k.person('KZ', false, 24),
    exploitation: ['ForcedCriminality'],
    indicators: 2,
  });
  k.screen('staff.police-almaty', ago(46), {
    setting: 'street',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 27),
    exploitation: ['SexualExploitation'],
    indicators: 1,
    consent: 'declined',
  });

  // A negative decision, appealed by the person with a lawyer, and overturned.
  const appealed = k.screen('staff.police-almaty', ago(151), {
    setting: 'street',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 38),
    exploitation: ['Servitude'],
    indicators: 1,
  });
  t = after(appealed.at, 0.5, 2, rng);
  k.decide(appealed, 'staff.police-almaty.2', t, false);
  t = after(t, 20, 30, rng);
  k.assign(appealed, 'lawyer', t);
  k.review(appealed, 'identification', after(t, 10, 20, rng), 'appeal');

  // The same woman met twice: by an NGO's outreach (Cyrillic, with her IIN) and in a raid
  // weeks later (Latin script, no document): a possible duplicate for the unit to review.
  const aigerim = k.person('KZ', true, 23, { document: true });
  const outreach = k.screen('caseworker', ago(48), {
    setting: 'street',
    region: 'KZ-75',
    language: 'kk',
    person: aigerim,
    exploitation: ['ForcedLabour'],
    indicators: 2,
    script: 'kk_cyrl',
  });
  k.note(outreach, 'caseworker', after(outreach.at, 3, 7, rng), 'worker');
  const raidAgain = k.screen('staff.police-almaty', ago(31), {
    setting: 'detention_police_operation',
    region: 'KZ-75',
    language: 'kk',
    person: aigerim,
    exploitation: ['SexualExploitation'],
    indicators: 2,
    script: 'kk_latn',
    withDocument: false,
  });
  k.decide(raidAgain, 'identification', after(raidAgain.at, 1, 3, rng), true);

  // The NGO's own identification and care: decided by its officer, referred by the case worker,
  // and the case worker asks the prosecutor to apply non-punishment.
  const servitude = k.screen('caseworker', ago(101), {
    setting: 'other',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 33),
    exploitation: ['Servitude'],
    indicators: 3,
  });
  t = after(servitude.at, 2, 5, rng);
  k.decide(servitude, 'staff.ngo-almaty.2', t, true);
  t = after(t, 0.5, 2, rng);
  k.refer(servitude, 'caseworker', t, 'shelter-almaty');
  t = after(t, 15, 25, rng);
  k.note(servitude, 'caseworker', t, 'worker');
  k.flagNonPunishment(servitude, 'caseworker', after(t, 2, 5, rng));
  k.screen('caseworker', ago(9), {
    setting: 'street',
    region: 'KZ-19',
    language: 'ky',
    interpreter: true,
    person: k.person('KG', true, 20),
    exploitation: ['SexualExploitation'],
    indicators: 2,
  });
}

/** The migration service's pre-deportation screenings: deportation on hold, clock running. */
function migration(k: WorkflowKit, ago: Ago, on: On, dayFor: DayFor, rng: Rng) {
  // Overdue, with the deportation on hold: the clock started at the screening, not the handover.
  const heldDay = dayFor('overdue', 3);
  const held = k.screen('staff.migration-almaty', on(heldDay, 10), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', false, 28),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  k.handover(held, 'police-almaty', after(on(heldDay, 16), 0.6, 1, rng));
  const freshDay = dayFor('ok', 0);
  const fresh = k.screen('staff.migration-almaty', on(freshDay, 10), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('TJ', false, 33),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.handover(fresh, 'police-almaty', on(freshDay, 15));

  // Decided, hold lifted, non-punishment asked for and granted by the prosecutor.
  const granted = k.screen('staff.migration-almaty', ago(91), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'ky',
    interpreter: true,
    person: k.person('KG', true, 24),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  let t = after(granted.at, 0.5, 1, rng);
  k.handover(granted, 'police-almaty', t);
  t = after(t, 1, 3, rng);
  k.decide(granted, 'identification', t, true);
  t = after(t, 0.1, 1, rng);
  k.liftHold(granted, 'identification', t);
  t = after(t, 0.5, 2, rng);
  k.flagNonPunishment(granted, 'identification', t);
  k.assign(granted, 'lawyer', after(t, 0.5, 1, rng));
  t = after(t, 6, 12, rng);
  k.reviewNonPunishment(granted, 'prosecutor', t, true);
  k.refer(granted, 'identification', after(t, 1, 3, rng), 'ngo-almaty');
  k.screen('staff.migration-almaty', ago(26), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('RU', false, 40),
    exploitation: [],
    indicators: 0,
    consent: 'declined',
  });

  // The same man met by the hotline in summer (Uzbek Latin, no document) and now before his
  // deportation (passport Latin, with the passport): a possible duplicate.
  const man = k.person('UZ', false, 29, { document: true });
  const firstCall = k.screen('hotline', ago(66), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'uz',
    person: man,
    exploitation: ['ForcedLabour'],
    indicators: 2,
    withDocument: false,
  });
  t = soonAfter(firstCall.at, rng);
  k.handover(firstCall, 'police-almaty', t);
  t = after(t, 1, 4, rng);
  k.decide(firstCall, 'identification', t, true);
  k.flagNonPunishment(firstCall, 'identification', after(t, 2, 6, rng));
  k.assign(firstCall, 'lawyer', after(t, 3, 8, rng));
  const again = k.screen('staff.migration-almaty', ago(56), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'uz',
    interpreter: true,
    person: man,
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  t = after(again.at, 0.5, 1, rng);
  k.handover(again, 'police-almaty', t);
  t = after(t, 1, 3, rng);
  k.decide(again, 'staff.police-almaty.2', t, true);
  t = after(t, 0.5, 2, rng);
  k.liftHold(again, 'prosecutor', t);
  k.flagNonPunishment(again, 'identification', after(t, 1, 3, rng));

  // A woman who called the hotline in spring without giving her birth date, met again by the
  // migration service with her passport: the engine is less sure, and an officer has to look.
  const woman = k.person('KG', true, 24, { document: true });
  k.screen('staff.hotline', ago(143), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'ky',
    person: woman,
    exploitation: ['ForcedLabour'],
    indicators: 2,
    withDocument: false,
    withBirthdate: false,
  });
  const metAgain = k.screen('staff.migration-almaty', ago(38), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'ky',
    interpreter: true,
    person: woman,
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  t = after(metAgain.at, 0.2, 1, rng);
  k.handover(metAgain, 'police-almaty', t);
  t = after(t, 1, 4, rng);
  k.decide(metAgain, 'identification', t, true);
  k.liftHold(metAgain, 'identification', after(t, 0.1, 1, rng));
}

/** Astana, Turkistan, the Tashkent consulate, a Karaganda hospital and an Atyrau school. */
function elsewhere(k: WorkflowKit, ago: Ago, on: On, dayFor: DayFor, rng: Rng) {
  const street = k.screen('staff.police-astana', ago(121), {
    setting: 'street',
    region: 'KZ-71',
    language: 'ru',
    person: k.person('KZ', true, 20),
    exploitation: ['SexualExploitation'],
    indicators: 2,
  });
  let t = after(street.at, 1, 3, rng);
  k.decide(street, 'staff.police-astana.2', t, true);
  k.close(street, 'staff.police-astana.2', after(t, 40, 70, rng), true);
  const online = k.screen('staff.police-astana', ago(23), {
    setting: 'online',
    region: 'KZ-71',
    language: 'ru',
    person: k.person('KZ', false, 25),
    exploitation: ['ForcedCriminality'],
    indicators: 1,
  });
  k.decide(online, 'staff.police-astana.2', after(online.at, 1, 4, rng), false);
  const market = k.screen('staff.police-turkistan', ago(86), {
    setting: 'detention_police_operation',
    region: 'KZ-61',
    language: 'kk',
    person: k.person('KZ', false, 15),
    exploitation: ['ForcedBegging'],
    indicators: 2,
  });
  k.decide(market, 'staff.police-turkistan.2', after(market.at, 1, 3, rng), true);

  // Kazakhstan's citizens exploited abroad, met at the consulate in Tashkent (written in Russian).
  const abroad = k.screen('staff.consulate-tashkent', ago(141), {
    setting: 'consulate',
    region: 'KZ-61',
    language: 'kk',
    person: k.person('KZ', true, 27),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  t = after(abroad.at, 0.1, 1, rng);
  k.handover(abroad, 'police-turkistan', t);
  k.decide(abroad, 'staff.police-turkistan.2', after(t, 2, 5, rng), true);
  const home = k.screen('staff.consulate-tashkent', on(dayFor('ok', 1), 10), {
    setting: 'consulate',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('KZ', false, 45),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.handover(home, 'police-almaty', on(dayFor('ok', 1), 12));
  k.screen('staff.consulate-tashkent', ago(36), {
    setting: 'consulate',
    region: 'KZ-79',
    language: 'ru',
    person: k.person('KZ', true, 33),
    exploitation: ['Servitude'],
    indicators: 1,
    consent: 'declined',
  });

  const ward = k.screen('staff.health-karaganda', ago(81), {
    setting: 'hospital',
    region: 'KZ-35',
    language: 'ru',
    person: k.person('KZ', true, 30),
    exploitation: ['SexualExploitation'],
    indicators: 2,
  });
  k.note(ward, 'staff.health-karaganda', after(ward.at, 1, 3, rng), 'worker');
  k.screen('staff.health-karaganda', ago(18), {
    setting: 'hospital',
    region: 'KZ-35',
    language: 'ru',
    person: k.person('UZ', false, 37),
    exploitation: ['ForcedLabour'],
    indicators: 2,
    consent: 'declined',
  });
  k.screen('staff.education-atyrau', ago(64), {
    setting: 'school',
    region: 'KZ-23',
    language: 'kk',
    person: k.person('KZ', true, 14),
    exploitation: ['ChildLabour'],
    indicators: 2,
  });
  k.screen('staff.education-atyrau', ago(12), {
    setting: 'school',
    region: 'KZ-23',
    language: 'kk',
    person: k.person('KZ', false, 15),
    exploitation: ['ForcedBegging'],
    indicators: 2,
  });
}

/**
 * What the services stamp with the database's or the machine's clock is set to the moment it
 * happened: a case was last updated by its latest action, a duplicate was proposed when the
 * later of its two records was entered.
 */
async function settleTimestamps(deps: AppDeps): Promise<void> {
  await deps.db.execute(
    sql`UPDATE cases c SET updated_at = a.last FROM (SELECT case_id, max(at) AS last FROM case_actions GROUP BY case_id) a WHERE a.case_id = c.id`,
  );
  await deps.db.execute(sql`UPDATE person_link_proposals p SET created_at = greatest(pa.created_at, pb.created_at), updated_at = greatest(pa.created_at, pb.created_at)
    FROM persons pa, persons pb WHERE pa.id = p.person_a AND pb.id = p.person_b`);
}
