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
 *
 * Each scenario is its own module, seed-workflows-<scenario>.ts (labour, hotline, police-almaty,
 * migration, regions), given a `Scene` (seed-workflows-scene.ts); they run in a fixed order on
 * one random stream, so the order below is part of what a seed produces.
 */
import { hashSeed, Rng } from '@qorgau/core';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import type { DirectoryAgency } from './demo-directory.ts';
import { openStaffActors, Timeline } from './seed-timeline.ts';
import { createWorkflowKit } from './seed-workflow-kit.ts';
import { hotline } from './seed-workflows-hotline.ts';
import { labourInspectors } from './seed-workflows-labour.ts';
import { migration } from './seed-workflows-migration.ts';
import { policeAlmaty } from './seed-workflows-police-almaty.ts';
import { elsewhere } from './seed-workflows-regions.ts';
import { createScene } from './seed-workflows-scene.ts';
import { seedWorkNotices } from './seed-work-notices.ts';
import { seedEntitlements } from './seed-workflows-entitlements.ts';
import { seedDocuments } from './seed-workflows-documents.ts';
import { seedProtection } from './seed-workflows-protection.ts';
import { seedReferrals } from './seed-workflows-referrals.ts';

/** The random stream of the workflows (core synthetic streams are per record; this one is global). */
const STREAM_WORKFLOWS = 9_001;

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
  const calendar = await deps.reference.calendar();
  const staff = await openStaffActors(deps, dir, ACTORS);
  // The services read this clock: each step runs at its own moment in the past.
  const historic: AppDeps = { ...deps, now: () => clock.now };
  const timeline = new Timeline();
  const kit = createWorkflowKit(historic, dir, staff, timeline, rng, now);
  const scene = createScene(kit, rng, now, deps.config.identificationDays, calendar);
  try {
    labourInspectors(scene);
    hotline(scene);
    policeAlmaty(scene);
    migration(scene);
    elsewhere(scene);
    await timeline.run(clock);
  } finally {
    await staff.close();
  }
  await settleTimestamps(deps);
  // Protection cases (issue #10 item 3), on the cases the workflows left: referred, admitted, served, closed, followed up.
  await seedProtection(deps, dir);
  // Referrals in every status (issue #10 item 2): waiting for the shelter, escalated, declined, transferred, on an override.
  await seedReferrals(deps, dir);
  // The bell: a few notices about what now waits in each account's queues.
  await seedWorkNotices(deps);
  // Entitlements (issue #10 item 4): foreign victims identified about six months ago, lapsing soon; the rows brought to today.
  await seedEntitlements(deps, dir);
  // Documents (issue #10 item 6): signed consents and identity copies attached to the Almaty officer's oldest cases.
  await seedDocuments(deps, dir);
  const { stats } = kit;
  return { screenings: stats.screenings, handovers: stats.handovers, actions: stats.actions, reports: stats.reports };
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
