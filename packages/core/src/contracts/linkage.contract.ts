import { z } from 'zod';
import { CLUSTER_SIZE_BUCKETS } from '../domain/linkage/cluster-report.ts';
import { ClientId, LocalizedName, pageOf } from './common.contract.ts';
import { LinkageFieldExplanation, PersonIdentity, PersonSummary } from './person.contract.ts';

/**
 * Record linkage (issue #4): pairs of person records the engine proposes as one person, the
 * officers' decisions on them, and the bulk job that links every record.
 */
export const LINK_DECISIONS = ['same', 'different'] as const;
export type LinkDecisionValue = (typeof LINK_DECISIONS)[number];

/** A proposed pair in the review queue: both sides in the reviewer's identity scope. */
export const LinkProposal = z.object({
  id: z.uuid(),
  /** The model's reading when the pair was scored: 'same' (already counted together) or 'review'. */
  modelDecision: z.enum(['same', 'review']),
  /**
   * Why a pair the score alone would call the same person waits for a person: 'evidence' (fewer
   * than two identifiers agree, e.g. only a name), 'conflict' (a contradiction such as another
   * birth date), 'cluster' (it would join records that contradict each other); null otherwise.
   */
  reviewReason: z.enum(['evidence', 'conflict', 'cluster']).nullable(),
  probability: z.number().min(0).max(1),
  score: z.number(),
  createdAt: z.string(),
  a: PersonSummary,
  b: PersonSummary,
});
export type LinkProposal = z.infer<typeof LinkProposal>;
export const LinkProposalPage = pageOf(LinkProposal);

/** One earlier decision on a pair: who decided is kept in the audit log, not shown here. */
export const LinkDecisionRecord = z.object({ decision: z.enum(LINK_DECISIONS), at: z.string(), byAgency: LocalizedName });

/** A pair side by side, with the reasons for its score and the decisions made on it so far. */
export const LinkProposalDetail = LinkProposal.extend({
  status: z.enum(['open', 'decided']),
  explanation: z.array(LinkageFieldExplanation),
  a: PersonSummary.extend({ identity: PersonIdentity }),
  b: PersonSummary.extend({ identity: PersonIdentity }),
  decisions: z.array(LinkDecisionRecord),
});
export type LinkProposalDetail = z.infer<typeof LinkProposalDetail>;

/**
 * A human decision on a pair of records. It overrides the model for good (until a later
 * decision on the same pair); "different" on linked records is the unmerge. Records are
 * never merged into one row, so no decision can lose data.
 */
export const LinkDecisionBody = z.object({
  clientId: ClientId,
  personA: z.uuid(),
  personB: z.uuid(),
  decision: z.enum(LINK_DECISIONS),
});
export type LinkDecisionBody = z.infer<typeof LinkDecisionBody>;

/** The records linked to a person as the same person, among those the caller may identify. */
export const PersonLinks = z.object({ linked: z.array(PersonSummary) });
export type PersonLinks = z.infer<typeof PersonLinks>;

export const LINKAGE_PHASES = ['keys', 'estimate', 'pairs', 'clusters', 'done'] as const;
export const LinkageRun = z.object({
  id: z.uuid(),
  status: z.enum(['running', 'done', 'failed']),
  phase: z.enum(LINKAGE_PHASES),
  /** Records processed in the current phase, of `total`. */
  processed: z.number().int(),
  total: z.number().int(),
  pairsScored: z.number().int(),
  proposals: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Sizes of the clusters a finished run formed: how many of 1, 2, 3, 4, 5–9, 10–19, 20+ records, and the largest. */
  clusterSizes: z.object({ counts: z.record(z.enum(CLUSTER_SIZE_BUCKETS), z.number().int()), largest: z.number().int() }).nullable(),
  /** Model 'same' pairs the run's clustering refused (conflicting records, or a cluster too large): sent to review. */
  refusedMerges: z.number().int(),
});
export type LinkageRun = z.infer<typeof LinkageRun>;
export const LinkageRunState = z.object({ run: LinkageRun.nullable() });
export type LinkageRunState = z.infer<typeof LinkageRunState>;
