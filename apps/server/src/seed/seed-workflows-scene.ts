/**
 * What every scenario of the demo workflows (seed-workflows.ts) is given: the workflow kit, the
 * random stream, and the moments it acts at, in the past, from the injected clock.
 */
import { addWorkingDays, deadlineStatus, isWorkingDay, type DeadlineStatus, type Rng } from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { kazakhstanDate } from '../util/kazakhstan-date.ts';
import type { CaseRef, WorkflowKit } from './seed-workflow-kit.ts';
import { atLocal, daysAgo } from './seed-time.ts';

/** The case list warns this many working days before an identification deadline (cases.view.ts). */
const DUE_SOON_DAYS = 1;
const DAY = 86_400_000;

type WorkingCalendar = Awaited<ReturnType<AppDeps['reference']['calendar']>>;

export interface Scene {
  k: WorkflowKit;
  rng: Rng;
  /** A moment in office hours about `days` before now. */
  ago(days: number): Date;
  /** `day` (YYYY-MM-DD, Kazakhstan) at a local hour and a random minute. */
  on(day: string, hour: number): Date;
  /** A working day whose deadline stands at `status` today (the `nth` most recent such day). */
  dayFor(status: DeadlineStatus, nth: number): string;
  /** The screener hands the case over to `toKey` on the day of the screening, at a local hour. */
  handOverSameDay(ref: CaseRef, toKey: string, hour: number): void;
}

/**
 * Working days before today, most recent first, grouped by where a 5-working-day deadline
 * counted from that day stands today (the working calendar in force, today in Kazakhstan).
 */
function deadlineDays(today: string, days: number, cal: WorkingCalendar): Record<DeadlineStatus, string[]> {
  const out: Record<DeadlineStatus, string[]> = { ok: [], due_soon: [], overdue: [] };
  for (let k = 1; k <= 30; k++) {
    const day = kazakhstanDate(new Date(Date.parse(`${today}T12:00:00Z`) - k * DAY));
    if (!isWorkingDay(day, cal)) continue;
    out[deadlineStatus(addWorkingDays(day, days, cal), today, DUE_SOON_DAYS, cal)].push(day);
  }
  return out;
}

export function createScene(k: WorkflowKit, rng: Rng, now: Date, identificationDays: number, cal: WorkingCalendar): Scene {
  const days = deadlineDays(kazakhstanDate(now), identificationDays, cal);
  const on = (day: string, hour: number) => atLocal(day, hour, rng.int(60));
  return {
    k,
    rng,
    ago: (d) => daysAgo(now, d, rng),
    on,
    dayFor: (status, nth) => {
      // With a deadline of one or two days (QORGAU_IDENTIFICATION_DAYS) a status may have no day: the nearest other one.
      const list = days[status].length ? days[status] : [...days.ok, ...days.due_soon, ...days.overdue].sort().reverse();
      return list[Math.min(nth, list.length - 1)] as string;
    },
    handOverSameDay: (ref, toKey, hour) => k.handover(ref, toKey, on(kazakhstanDate(ref.at), hour)),
  };
}
