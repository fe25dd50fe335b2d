/**
 * Plausible moments for the demo's history: office hours in Kazakhstan (UTC+5), on weekdays,
 * each event of a record after the one before it. Every moment derives from the injected
 * clock (deps.now()) and the seed's random stream, never from the machine's clock.
 */
import { KAZAKHSTAN_UTC_OFFSET_MS, kazakhstanDate, kazakhstanWallClock, type Rng } from '@qorgau/core';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `date` (YYYY-MM-DD, Kazakhstan) at a local hour and minute. */
export function atLocal(date: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + hour * HOUR + minute * 60_000 - KAZAKHSTAN_UTC_OFFSET_MS);
}

const localHour = (t: Date) => kazakhstanWallClock(t).getUTCHours();
/** 0 = Sunday … 6 = Saturday, in Kazakhstan. */
const localWeekday = (t: Date) => kazakhstanWallClock(t).getUTCDay();

/** Moves a moment into office hours (09:00–18:00 local, Monday to Friday), never backwards. */
export function officeHours(t: Date, rng: Rng): Date {
  let out = t;
  if (localHour(out) >= 18) out = atLocal(kazakhstanDate(new Date(out.getTime() + DAY)), 9, rng.int(60));
  else if (localHour(out) < 9) out = atLocal(kazakhstanDate(out), 9, rng.int(60));
  const wd = localWeekday(out);
  if (wd === 6) out = atLocal(kazakhstanDate(new Date(out.getTime() + 2 * DAY)), 9, rng.int(60));
  else if (wd === 0) out = atLocal(kazakhstanDate(new Date(out.getTime() + DAY)), 9, rng.int(60));
  return out;
}

/** A moment in office hours about `days` before `now` (earlier when that day is a weekend). */
export function daysAgo(now: Date, days: number, rng: Rng): Date {
  let date = kazakhstanDate(new Date(now.getTime() - days * DAY));
  for (let wd = new Date(`${date}T00:00:00Z`).getUTCDay(); wd === 0 || wd === 6; wd = new Date(`${date}T00:00:00Z`).getUTCDay()) {
    date = kazakhstanDate(new Date(Date.parse(`${date}T12:00:00Z`) - DAY));
  }
  const t = atLocal(date, 9 + rng.int(8), rng.int(60));
  // Today's office hours may not have come yet: then this morning, an hour before now at the latest.
  return t.getTime() < now.getTime() ? t : new Date(now.getTime() - HOUR - rng.int(30) * 60_000);
}

/** A moment `minDays`..`maxDays` after `from`, in office hours, at least 20 minutes later. */
export function after(from: Date, minDays: number, maxDays: number, rng: Rng): Date {
  const span = minDays + rng.next() * (maxDays - minDays);
  const t = officeHours(new Date(from.getTime() + span * DAY), rng);
  return t.getTime() > from.getTime() + 20 * 60_000 ? t : new Date(from.getTime() + (20 + rng.int(90)) * 60_000);
}

/** A moment a few minutes to hours after `from`, the same working day when possible. */
export function soonAfter(from: Date, rng: Rng, maxMinutes = 180): Date {
  return new Date(from.getTime() + (5 + rng.int(maxMinutes)) * 60_000);
}
