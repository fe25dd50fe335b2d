import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import { earliestOccurredOn, LATE_ENTRY_WINDOW_DAYS, occurredOnIssues } from './occurred-on.ts';

const TODAY = '2026-12-07';

describe('occurredOnIssues', () => {
  it('accepts no date, today, and a day within the window after the earlier events', () => {
    expect(occurredOnIssues(undefined, { today: TODAY, earlier: [] })).toEqual([]);
    expect(occurredOnIssues(TODAY, { today: TODAY, earlier: [TODAY] })).toEqual([]);
    expect(occurredOnIssues('2026-03-01', { today: TODAY, earlier: ['2026-02-01'] })).toEqual([]);
  });
  it('refuses the future, too far back, and a day before an earlier event, each with its own code', () => {
    expect(occurredOnIssues('2026-12-08', { today: TODAY, earlier: [] })).toEqual([{ path: 'occurredOn', code: 'date_in_future' }]);
    expect(occurredOnIssues('2025-12-06', { today: TODAY, earlier: [] }, 'action.occurredOn')).toEqual([
      { path: 'action.occurredOn', code: 'occurred_too_early', params: { earliest: '2025-12-07' } },
    ]);
    expect(occurredOnIssues('2026-05-01', { today: TODAY, earlier: ['2026-04-01', '2026-06-01'] })).toEqual([
      { path: 'occurredOn', code: 'occurred_before_earlier_event', params: { date: '2026-06-01' } },
    ]);
  });
  it('accepts exactly the days from the earliest allowed to today', () => {
    const today = toDayNumber(TODAY);
    fc.assert(
      fc.property(fc.integer({ min: -800, max: 50 }), (offset) => {
        const day = fromDayNumber(today + offset);
        const ok = occurredOnIssues(day, { today: TODAY, earlier: [] }).length === 0;
        expect(ok).toBe(offset <= 0 && offset >= -LATE_ENTRY_WINDOW_DAYS);
        expect(ok).toBe(day >= earliestOccurredOn(TODAY) && day <= TODAY);
      }),
    );
  });
});
