import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import { LAWYER_FUNDING } from './justice-values.ts';
import {
  assignmentIssues,
  clientUrgency,
  endIssues,
  fundingIssues,
  hoursIssues,
  LEGAL_AID_FIRST_SERVICE_DAYS,
  LEGAL_AID_QUIET_DAYS,
  MAX_SERVICE_HOURS,
  serviceDateIssues,
  totalHours,
} from './legal-aid-rules.ts';

const BASE = toDayNumber('2026-01-01');
const dayN = fc.integer({ min: 0, max: 800 });
const d = (n: number) => fromDayNumber(BASE + n);
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('assignment dates', () => {
  it('refuses an assignment in the future, accepts today and the past', () => {
    expect(codes(assignmentIssues('2026-05-02', '2026-05-01'))).toEqual(['date_in_future']);
    expect(assignmentIssues('2026-05-01', '2026-05-01')).toEqual([]);
    expect(assignmentIssues('2025-12-31', '2026-05-01')).toEqual([]);
  });

  it('an end is refused exactly when it is before the assignment or after today', () => {
    fc.assert(
      fc.property(dayN, dayN, dayN, (a, e, t) => {
        const issues = endIssues({ assignedOn: d(a), endedOn: null }, d(e), d(t));
        expect(issues.length === 0).toBe(e >= a && e <= t);
        if (e > t) expect(issues[0]).toMatchObject({ path: 'endedOn', code: 'date_in_future' });
        else if (e < a) expect(issues[0]).toMatchObject({ path: 'endedOn', code: 'ended_before_assigned', params: { date: d(a) } });
      }),
    );
  });

  it('an end on the day of the assignment is allowed', () => {
    expect(endIssues({ assignedOn: '2026-03-01', endedOn: null }, '2026-03-01', '2026-03-05')).toEqual([]);
  });
});

describe('service dates', () => {
  it('a service is accepted exactly within the assignment and not after today', () => {
    fc.assert(
      fc.property(dayN, fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), dayN, dayN, (a, len, s, t) => {
        const span = { assignedOn: d(a), endedOn: len === null ? null : d(a + len) };
        const ok = s >= a && (len === null || s <= a + len) && s <= t;
        const issues = serviceDateIssues(span, d(s), d(t));
        expect(issues.length === 0).toBe(ok);
        for (const i of issues) expect(i.path).toBe('deliveredOn');
      }),
    );
  });

  it('names the bound that was crossed', () => {
    const span = { assignedOn: '2026-03-01', endedOn: '2026-03-10' };
    expect(serviceDateIssues(span, '2026-02-28', '2026-04-01')[0]).toMatchObject({ code: 'before_assignment', params: { date: '2026-03-01' } });
    expect(serviceDateIssues(span, '2026-03-11', '2026-04-01')[0]).toMatchObject({ code: 'after_assignment_ended', params: { date: '2026-03-10' } });
    expect(serviceDateIssues(span, '2026-03-10', '2026-04-01')).toEqual([]);
    expect(codes(serviceDateIssues({ assignedOn: '2026-03-01', endedOn: null }, '2026-03-06', '2026-03-05'))).toEqual(['date_in_future']);
  });
});

describe('hours', () => {
  it('accepts (0, 24] with at most two decimals, and no hours at all', () => {
    expect(hoursIssues(undefined)).toEqual([]);
    expect(hoursIssues(null)).toEqual([]);
    expect(hoursIssues(0.01)).toEqual([]);
    expect(hoursIssues(1.25)).toEqual([]);
    expect(hoursIssues(MAX_SERVICE_HOURS)).toEqual([]);
    expect(codes(hoursIssues(0))).toEqual(['hours_positive']);
    expect(codes(hoursIssues(-1))).toEqual(['hours_positive']);
    expect(codes(hoursIssues(Number.NaN))).toEqual(['hours_positive']);
    expect(codes(hoursIssues(24.01))).toEqual(['hours_too_many']);
    expect(codes(hoursIssues(1.255))).toEqual(['hours_precision']);
  });

  it('every hundredth from 0.01 to 24 is accepted; anything with a third decimal is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2400 }), (c) => {
        expect(hoursIssues(c / 100)).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2399 }), fc.integer({ min: 1, max: 9 }), (c, m) => {
        expect(codes(hoursIssues((c * 10 + m) / 1000))).toEqual(['hours_precision']);
      }),
    );
  });

  it('totals add up in hundredths', () => {
    expect(totalHours([0.1, 0.2])).toBe(0.3);
    expect(totalHours([1.5, null, 2.25])).toBe(3.75);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2400 }), { maxLength: 50 }), (cs) => {
        expect(Math.round(totalHours(cs.map((c) => c / 100)) * 100)).toBe(cs.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe('funding', () => {
  it('accepts exactly the vocabulary', () => {
    for (const f of LAWYER_FUNDING) expect(fundingIssues(f)).toEqual([]);
    expect(fundingIssues('private')[0]).toMatchObject({ path: 'funding', code: 'invalid_value' });
  });
});

describe('client urgency (the my_clients queue)', () => {
  it('a new client is due after the first-service days without a service', () => {
    const today = '2026-03-20';
    expect(clientUrgency({ assignedOn: d(toDayNumber(today) - BASE - LEGAL_AID_FIRST_SERVICE_DAYS), lastServiceOn: null }, today)).toBe('waiting');
    expect(clientUrgency({ assignedOn: d(toDayNumber(today) - BASE - LEGAL_AID_FIRST_SERVICE_DAYS - 1), lastServiceOn: null }, today)).toBe('due_soon');
  });

  it('a client is due exactly when her last service is more than the quiet days ago', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (assignedAgo, serviceAgo) => {
        const t = 500;
        const u = clientUrgency({ assignedOn: d(t - assignedAgo - serviceAgo), lastServiceOn: d(t - serviceAgo) }, d(t));
        expect(u).toBe(serviceAgo > LEGAL_AID_QUIET_DAYS ? 'due_soon' : 'waiting');
      }),
    );
  });
});
