/**
 * How big the clusters of a linkage run are (issue #12): a summary an analyst reads to judge a
 * run at a glance. Mostly singletons and pairs is the usual shape; one very large cluster
 * usually means a threshold too low or a shared placeholder value (a dummy document number)
 * chaining unrelated people together.
 */

/** Size buckets, smallest first; the last is open-ended. */
export const CLUSTER_SIZE_BUCKETS = ['1', '2', '3', '4', '5–9', '10–19', '20+'] as const;
export type ClusterSizeBucket = (typeof CLUSTER_SIZE_BUCKETS)[number];

export interface ClusterSizeHistogram {
  /** How many clusters fall into each size bucket (every bucket present, zero when empty). */
  counts: Record<ClusterSizeBucket, number>;
  /** Members of the largest cluster; 0 when there are none. */
  largest: number;
}

function bucketOf(size: number): ClusterSizeBucket {
  if (size <= 1) return '1';
  if (size <= 4) return String(size) as ClusterSizeBucket;
  if (size <= 9) return '5–9';
  if (size <= 19) return '10–19';
  return '20+';
}

/** Counts clusters per size bucket. Empty clusters are not clusters and are skipped. */
export function clusterSizeHistogram(clusters: readonly (readonly string[])[]): ClusterSizeHistogram {
  const counts = Object.fromEntries(CLUSTER_SIZE_BUCKETS.map((b) => [b, 0])) as Record<ClusterSizeBucket, number>;
  let largest = 0;
  for (const cluster of clusters) {
    if (cluster.length === 0) continue;
    counts[bucketOf(cluster.length)]++;
    largest = Math.max(largest, cluster.length);
  }
  return { counts, largest };
}
