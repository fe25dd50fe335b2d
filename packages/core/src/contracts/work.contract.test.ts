import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareQueueUrgency, MarkNotificationsRead, type WorkCounts } from './work.contract.ts';

const counts = fc.record({ overdue: fc.nat(50), due_soon: fc.nat(50), waiting: fc.nat(50) });

describe('work queues: most urgent first (issue #10 item 5)', () => {
  it('overdue decides, then due soon, then waiting; empty queues last', () => {
    const q = (overdue: number, due_soon: number, waiting: number): WorkCounts => ({ overdue, due_soon, waiting });
    const sorted = [q(0, 0, 0), q(0, 0, 9), q(1, 0, 0), q(0, 3, 0), q(1, 2, 0)].sort(compareQueueUrgency);
    expect(sorted).toEqual([q(1, 2, 0), q(1, 0, 0), q(0, 3, 0), q(0, 0, 9), q(0, 0, 0)]);
  });

  it('is a total order: antisymmetric and transitive, and a queue with more overdue always comes first', () => {
    fc.assert(
      fc.property(counts, counts, counts, (a, b, c) => {
        expect(Math.sign(compareQueueUrgency(a, b))).toBe(-Math.sign(compareQueueUrgency(b, a)) || 0);
        if (compareQueueUrgency(a, b) <= 0 && compareQueueUrgency(b, c) <= 0) expect(compareQueueUrgency(a, c)).toBeLessThanOrEqual(0);
        if (a.overdue > b.overdue) expect(compareQueueUrgency(a, b)).toBeLessThan(0);
      }),
    );
  });

  it('marking read names some ids or all, nothing else', () => {
    expect(MarkNotificationsRead.safeParse({ all: true }).success).toBe(true);
    expect(MarkNotificationsRead.safeParse({ ids: ['7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'] }).success).toBe(true);
    for (const bad of [{}, { all: false }, { ids: [] }, { ids: ['x'] }, { all: true, ids: ['7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'] }])
      expect(MarkNotificationsRead.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
