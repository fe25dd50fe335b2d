import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLUSTER_SIZE_BUCKETS, clusterSizeHistogram } from './cluster-report.ts';

const ofSize = (n: number, tag = 'x') => Array.from({ length: n }, (_, i) => `${tag}${i}`);

describe('clusterSizeHistogram', () => {
  it('puts each cluster in its size bucket and finds the largest', () => {
    const sizes = [1, 1, 2, 3, 4, 5, 9, 10, 19, 20, 57];
    const h = clusterSizeHistogram(sizes.map((n) => ofSize(n)));
    expect(h.counts).toEqual({ '1': 2, '2': 1, '3': 1, '4': 1, '5–9': 2, '10–19': 2, '20+': 2 });
    expect(h.largest).toBe(57);
  });

  it('reports zeros for no clusters and skips empty ones', () => {
    const h = clusterSizeHistogram([[]]);
    expect(Object.values(h.counts).every((n) => n === 0)).toBe(true);
    expect(Object.keys(h.counts)).toEqual([...CLUSTER_SIZE_BUCKETS]);
    expect(h.largest).toBe(0);
  });

  it('counts every non-empty cluster exactly once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 50 }), (sizes) => {
        const h = clusterSizeHistogram(sizes.map((n) => ofSize(n)));
        expect(Object.values(h.counts).reduce((a, b) => a + b, 0)).toBe(sizes.length);
        expect(h.largest).toBe(sizes.length ? Math.max(...sizes) : 0);
      }),
    );
  });
});
