import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import { MAX_AMOUNT_TENGE, MEASURE_STATUSES, type MeasureStatus } from './justice-values.ts';
import {
  canMoveMeasure,
  measureCostIssue,
  interviewIssues,
  isRepeatAfterVideo,
  linkIssues,
  MEASURE_TRANSITIONS,
  measureDecisionIssues,
  measureRequestIssues,
  victimDateIssue,
  victimUpdateIssues,
} from './proceedings-rules.ts';

const BASE = toDayNumber('2026-01-01');
const day = fc.integer({ min: 0, max: 800 }).map((n) => fromDayNumber(BASE + n));
const codes = (issues: { path: string; code: string }[]) => issues.map((i) => `${i.path}:${i.code}`);

describe('linking a victim', () => {
  const facts = { registeredOn: '2026-03-01', today: '2026-04-01' };
  it('is dated between the registration of the case and today', () => {
    expect(linkIssues('2026-03-01', facts)).toEqual([]);
    expect(linkIssues('2026-04-01', facts)).toEqual([]);
    expect(linkIssues('2026-02-28', facts)).toEqual([{ path: 'linkedOn', code: 'before_case_registered', params: { registeredOn: '2026-03-01' } }]);
    expect(codes(linkIssues('2026-04-02', facts))).toEqual(['linkedOn:date_in_future']);
  });
  it('property: refused exactly when before registration or after today', () => {
    fc.assert(
      fc.property(day, day, day, (linkedOn, registeredOn, today) => {
        const bad = linkedOn < registeredOn || linkedOn > today;
        expect(linkIssues(linkedOn, { registeredOn, today }).length > 0).toBe(bad);
      }),
    );
  });
});

describe('interviews', () => {
  const facts = { linkedOn: '2026-03-10', today: '2026-04-01', videoTestimonyRecorded: false };
  it('are dated within her proceedings', () => {
    expect(interviewIssues({ heldOn: '2026-03-10', videoRecorded: true }, facts)).toEqual([]);
    expect(codes(interviewIssues({ heldOn: '2026-03-09', videoRecorded: false }, facts))).toEqual(['heldOn:before_victim_linked']);
    expect(codes(interviewIssues({ heldOn: '2026-04-02', videoRecorded: false }, facts))).toEqual(['heldOn:date_in_future']);
  });
  it('after a video-recorded testimony, another interview needs a reason', () => {
    const after = { ...facts, videoTestimonyRecorded: true };
    expect(codes(interviewIssues({ heldOn: '2026-03-20', videoRecorded: false }, after))).toEqual(['repeatReason:repeat_interview_needs_reason']);
    expect(codes(interviewIssues({ heldOn: '2026-03-20', videoRecorded: true, repeatReason: '   ' }, after))).toEqual([
      'repeatReason:repeat_interview_needs_reason',
    ]);
    expect(interviewIssues({ heldOn: '2026-03-20', videoRecorded: false, repeatReason: 'New evidence to put to her' }, after)).toEqual([]);
  });
  it('a repeat is after any video-recorded interview', () => {
    expect(isRepeatAfterVideo([])).toBe(false);
    expect(isRepeatAfterVideo([{ videoRecorded: false }])).toBe(false);
    expect(isRepeatAfterVideo([{ videoRecorded: false }, { videoRecorded: true }])).toBe(true);
  });
  it('property: without a recorded testimony no reason is ever asked; with one, always unless given', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.option(fc.string(), { nil: undefined }), (recorded, video, reason) => {
        const asked = codes(
          interviewIssues({ heldOn: '2026-03-20', videoRecorded: video, repeatReason: reason }, { ...facts, videoTestimonyRecorded: recorded }),
        ).includes('repeatReason:repeat_interview_needs_reason');
        expect(asked).toBe(recorded && !reason?.trim());
      }),
    );
  });
});

describe('her departure and her job', () => {
  const facts = { linkedOn: '2026-03-10', today: '2026-04-01' };
  const none = { leftCountryOn: null, counselContinues: false, employedSince: null };
  it('are dated within her proceedings', () => {
    expect(victimUpdateIssues({ leftCountryOn: '2026-03-15', counselContinues: true, employedSince: '2026-03-20' }, none, facts)).toEqual([]);
    expect(codes(victimUpdateIssues({ leftCountryOn: '2026-03-01' }, none, facts))).toEqual(['leftCountryOn:before_victim_linked']);
    expect(codes(victimUpdateIssues({ employedSince: '2026-05-01' }, none, facts))).toEqual(['employedSince:date_in_future']);
  });
  it('the case continues under counsel only when she has left', () => {
    expect(codes(victimUpdateIssues({ counselContinues: true }, none, facts))).toEqual(['counselContinues:counsel_without_departure']);
    expect(victimUpdateIssues({ counselContinues: true }, { ...none, leftCountryOn: '2026-03-12' }, facts)).toEqual([]);
    // Clearing the departure clears counsel with it, unless counsel is asked for again.
    expect(victimUpdateIssues({ leftCountryOn: null }, { ...none, leftCountryOn: '2026-03-12', counselContinues: true }, facts)).toEqual([]);
    expect(codes(victimUpdateIssues({ leftCountryOn: null, counselContinues: true }, { ...none, leftCountryOn: '2026-03-12' }, facts))).toEqual([
      'counselContinues:counsel_without_departure',
    ]);
  });
  it('property: a victim date is refused exactly when before the link or after today', () => {
    fc.assert(
      fc.property(day, day, day, (date, linkedOn, today) => {
        expect(victimDateIssue('d', date, { linkedOn, today }) !== null).toBe(date < linkedOn || date > today);
      }),
    );
  });
});

describe('protective measures', () => {
  it('move requested -> granted | refused, granted -> ended, nothing else', () => {
    const allowed = MEASURE_STATUSES.flatMap((from) => MEASURE_STATUSES.filter((to) => canMoveMeasure(from, to)).map((to) => `${from}->${to}`));
    expect(allowed).toEqual(['requested->granted', 'requested->refused', 'granted->ended']);
  });
  it('a request is dated within her proceedings', () => {
    expect(measureRequestIssues('2026-03-10', { linkedOn: '2026-03-10', today: '2026-04-01' })).toEqual([]);
    expect(codes(measureRequestIssues('2026-03-09', { linkedOn: '2026-03-10', today: '2026-04-01' }))).toEqual(['requestedOn:before_victim_linked']);
  });
  it('a decision is on or after the request (an end after the grant), never in the future, with a cost in whole tenge', () => {
    const requested = { status: 'requested' as const, requestedOn: '2026-03-10', decidedOn: null };
    expect(measureDecisionIssues({ decision: 'granted', on: '2026-03-10', costTenge: 240000 }, requested, '2026-04-01')).toEqual({ issues: [] });
    expect(measureDecisionIssues({ decision: 'granted', on: '2026-03-09' }, requested, '2026-04-01')).toEqual({
      issues: [{ path: 'on', code: 'before_measure_requested', params: { date: '2026-03-10' } }],
    });
    expect(measureDecisionIssues({ decision: 'refused', on: '2026-04-02' }, requested, '2026-04-01')).toEqual({
      issues: [{ path: 'on', code: 'date_in_future' }],
    });
    const granted = { status: 'granted' as const, requestedOn: '2026-03-10', decidedOn: '2026-03-15' };
    expect(measureDecisionIssues({ decision: 'ended', on: '2026-03-14' }, granted, '2026-04-01')).toEqual({
      issues: [{ path: 'on', code: 'before_measure_requested', params: { date: '2026-03-15' } }],
    });
    expect(measureDecisionIssues({ decision: 'granted', on: '2026-03-20' }, granted, '2026-04-01')).toEqual({ conflict: 'invalid_transition' });
    expect(measureDecisionIssues({ decision: 'granted', on: '2026-03-20' }, { ...granted, status: 'ended' }, '2026-04-01')).toEqual({
      conflict: 'invalid_transition',
    });
  });
  it('costs: whole tenge, 0..MAX_AMOUNT_TENGE', () => {
    expect(measureCostIssue('c', 0)).toBeNull();
    expect(measureCostIssue('c', MAX_AMOUNT_TENGE)).toBeNull();
    expect(measureCostIssue('c', -1)?.code).toBe('cost_negative');
    expect(measureCostIssue('c', 1.5)?.code).toBe('cost_whole_tenge');
    expect(measureCostIssue('c', MAX_AMOUNT_TENGE + 1)?.code).toBe('cost_absurd');
    expect(measureCostIssue('c', Number.NaN)?.code).toBe('cost_negative');
  });
  it('property: a decision is a conflict exactly when the table does not allow it', () => {
    const status = fc.constantFrom<MeasureStatus>(...MEASURE_STATUSES);
    const decision = fc.constantFrom('granted' as const, 'refused' as const, 'ended' as const);
    fc.assert(
      fc.property(status, decision, day, day, (from, to, requestedOn, on) => {
        const r = measureDecisionIssues({ decision: to, on }, { status: from, requestedOn, decidedOn: null }, '2099-01-01');
        const allowed = (MEASURE_TRANSITIONS[from] as readonly string[]).includes(to);
        expect('conflict' in r).toBe(!allowed);
        if ('issues' in r) expect(r.issues.length > 0).toBe(on < requestedOn);
      }),
    );
  });
  it('property: a whole cost within bounds is accepted, anything else refused', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e11, max: 1e11, noNaN: true }), (c) => {
        expect(measureCostIssue('c', c) === null).toBe(Number.isInteger(c) && c >= 0 && c <= MAX_AMOUNT_TENGE);
      }),
    );
  });
});
