/**
 * Record linkage in the database (issue #4): every new record is scored against existing
 * ones (nationally, server-side) and likely pairs become proposals; officers decide pairs;
 * clusters (who is the same person) follow from model 'same' pairs and human decisions, with a
 * human decision always winning. Records are never merged into one row: a cluster is a label.
 */
import {
  clusterCoherently,
  conflictAt,
  DomainError,
  pairKey,
  patternOf,
  scoreWithModel,
  type LinkageModel,
  type LinkDecisionBody,
  type NormalisedRecord,
  type PairDecision,
  type ScoredPair,
} from '@qorgau/core';
import { ne, sql } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { persons } from '../../db/schema.ts';
import { getPerson } from '../persons/persons.repository.ts';
import {
  clusterMatesOf,
  countPersons,
  decisionByClientId,
  findCandidates,
  insertDecision,
  latestDecisions,
  markForReview,
  modelSameEdges,
  personsByIds,
  replaceClusters,
  upsertProposals,
  type ProposalRow,
} from './linkage.repository.ts';
import { modelStoreFor } from './linkage-model.ts';
import { modelFrequencies, normalisedPersonOf } from './person-linkage-record.ts';

/**
 * Candidates scored per record, those sharing most keys first: a true repeat shares several keys
 * and ranks near the top (the bulk job reads 30). At 1,000,000 persons every lookup filled 100
 * places with namesakes, and reading and scoring them was most of the lookup: 18 → 7 ms for the
 * query and 10 → 3 ms for scoring at the median with 40 (docs/benchmarks.md §5).
 */
export const CANDIDATE_LIMIT = 40;

/**
 * The model's reading, with one rule on top: a shared identity number is at least worth a
 * look (the same person, or a typing error in someone's document number), whatever the names say.
 */
export function intakeDecision(s: ScoredPair): 'same' | 'review' | 'different' {
  if (s.decision === 'different' && s.vector.levels.document === 'agree') return 'review';
  return s.decision;
}

/** Scores `record` against candidate rows; pairs the model calls 'different' are dropped. */
export function scoreCandidates<R extends { id: string }>(
  cipher: FieldCipher,
  model: LinkageModel,
  record: NormalisedRecord,
  rows: readonly (R & Parameters<typeof normalisedPersonOf>[1])[],
  decide: (s: ScoredPair) => 'same' | 'review' | 'different' = intakeDecision,
): { row: R; scored: ScoredPair; decision: 'same' | 'review' }[] {
  const out: { row: R; scored: ScoredPair; decision: 'same' | 'review' }[] = [];
  for (const row of rows) {
    if (row.id === record.id) continue;
    const scored = scoreWithModel(record, normalisedPersonOf(cipher, row), model, modelFrequencies(cipher, model));
    const decision = decide(scored);
    if (decision !== 'different') out.push({ row, scored, decision });
  }
  return out.sort((x, y) => y.scored.probability - x.scored.probability);
}

export const proposalRowOf = (a: string, b: string, s: ScoredPair, decision: 'same' | 'review'): ProposalRow => {
  const [personA, personB] = a < b ? [a, b] : [b, a];
  return {
    personA,
    personB,
    modelDecision: decision,
    reviewReason: decision === 'review' ? s.reviewReason : null,
    score: s.score,
    probability: s.probability,
    explanation: s.explanation,
  };
};

/** Any number: the advisory lock that serialises cluster writes. */
const CLUSTER_LOCK = 460_012_026;

/**
 * Serialises every rewrite of clusters until the transaction ends. Why: two decisions touching
 * one cluster, committed at once, would each rebuild it from a view without the other's
 * decision (and collide on its rows); decisions are made at human speed, so one at a time costs nothing.
 */
export async function lockClusters(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CLUSTER_LOCK})`);
}

/** What reclustering needs to check a cluster's coherence: the key to read records and the model to weigh pairs. */
export interface ClusterCheck {
  cipher: FieldCipher;
  model: LinkageModel;
  /**
   * Records this transaction has just written, already normalised in memory (an import's
   * file): not read back and decrypted again. Nobody else can have changed them yet.
   */
  written?: ReadonlyMap<string, NormalisedRecord>;
}

/**
 * Recomputes the clusters of the records connected to `seeds` (through model 'same' pairs,
 * human 'same' decisions or a current cluster): human decisions first, then the model's pairs,
 * never joining records that conflict (core `clusterCoherently`); a model pair it refuses
 * becomes a 'review' proposal for a person to decide.
 */
export async function recluster(tx: DbOrTx, seeds: string[], check: ClusterCheck): Promise<void> {
  await lockClusters(tx);
  const component = new Set(seeds);
  let frontier = [...seeds];
  for (let round = 0; frontier.length > 0 && round < 50; round++) {
    const [model, human, mates] = [await modelSameEdges(tx, frontier), await latestDecisions(tx, frontier), await clusterMatesOf(tx, frontier)];
    const next: string[] = [];
    const add = (id: string) => {
      if (!component.has(id)) {
        component.add(id);
        next.push(id);
      }
    };
    for (const e of model) [e.personA, e.personB].forEach(add);
    for (const e of human) if (e.decision === 'same') [e.personA, e.personB].forEach(add);
    mates.forEach(add);
    frontier = next;
  }
  const ids = [...component];
  const { clusters, refused } = await coherentClusters(tx, ids, await componentDecisions(tx, ids), check);
  await replaceClusters(tx, ids, clusters);
  await markForReview(tx, refused);
}

/**
 * Clusters of `ids` from their decisions, coherent: records are decrypted in memory only to
 * tell whether two of them conflict (core `conflictAt`, unless the model still scores them as
 * likely one person, or a person decided they are).
 */
export async function coherentClusters(tx: DbOrTx, ids: string[], decisions: PairDecision[], check: ClusterCheck) {
  if (ids.length <= 2) return clusterCoherently(ids, decisions);
  const rows = await personsByIds(
    tx,
    ids.filter((id) => !check.written?.has(id)),
  );
  const records = ids.map((id) => {
    const row = rows.get(id);
    return check.written?.get(id) ?? (row ? normalisedPersonOf(check.cipher, row) : null);
  });
  const frequencies = modelFrequencies(check.cipher, check.model);
  const humanSame = new Set(decisions.filter((d) => d.source === 'human' && d.decision === 'same').map((d) => pairKey(d.ids[0], d.ids[1])));
  return clusterCoherently(ids, decisions, {
    conflict: (i, j) => {
      const [a, b] = [records[i], records[j]];
      if (!a || !b || humanSame.has(pairKey(a.id, b.id))) return false;
      const scored = scoreWithModel(a, b, check.model, frequencies);
      return conflictAt(patternOf(scored.vector)) && scored.score < check.model.thresholds.review;
    },
  });
}

/** Pair decisions among `ids` (all records when null): a human decision replaces the model's. */
export async function componentDecisions(tx: DbOrTx, ids: string[] | null): Promise<PairDecision[]> {
  const members = ids === null ? null : new Set(ids);
  const inside = (a: string, b: string) => members === null || (members.has(a) && members.has(b));
  const humans = new Map<string, PairDecision>();
  for (const d of await latestDecisions(tx, ids)) {
    if (!inside(d.personA, d.personB)) continue;
    humans.set(pairKey(d.personA, d.personB), {
      ids: [d.personA, d.personB],
      decision: d.decision as 'same' | 'different',
      source: 'human',
      score: Number.POSITIVE_INFINITY,
    });
  }
  const out = [...humans.values()];
  for (const e of await modelSameEdges(tx, ids)) {
    if (!inside(e.personA, e.personB) || humans.has(pairKey(e.personA, e.personB))) continue;
    out.push({ ids: [e.personA, e.personB], decision: 'same', source: 'model', score: e.score });
  }
  return out;
}

/**
 * Links a record just written (intake): scores it against every record nationally, keeps the
 * likely pairs as proposals and reclusters when the model calls one the same person. Runs in
 * the caller's transaction, server-side only: nothing about the other records reaches the
 * person entering this one (minimal disclosure); reviewers see the pairs in their own scope.
 */
export async function linkNewRecord(
  tx: DbOrTx,
  cipher: FieldCipher,
  model: LinkageModel,
  record: NormalisedRecord,
  probe: { keys: string[]; identityNumberIndex: string | null },
): Promise<void> {
  const rows = await findCandidates(tx, probe, { where: ne(persons.id, record.id), limit: CANDIDATE_LIMIT });
  const scored = scoreCandidates(cipher, model, record, rows);
  await upsertProposals(
    tx,
    scored.map((s) => proposalRowOf(record.id, s.row.id, s.scored, s.decision)),
  );
  if (scored.some((s) => s.decision === 'same')) await recluster(tx, [record.id], { cipher, model });
}

/**
 * Records a person's decision on a pair (both records must be in their identity scope, or
 * 'not_found'), reclusters the pair's records and audits it without names.
 */
export async function recordHumanDecision(tx: DbOrTx, auth: AuthContext, audit: AuditContext, body: LinkDecisionBody, check: ClusterCheck): Promise<void> {
  const [personA, personB] = body.personA < body.personB ? [body.personA, body.personB] : [body.personB, body.personA];
  for (const id of [personA, personB]) {
    const found = await getPerson(tx, auth.actor, id);
    if (!found?.identityVisible) throw new DomainError('not_found');
  }
  await insertDecision(tx, { clientId: body.clientId, personA, personB, decision: body.decision, decidedBy: auth.user.id, agencyId: auth.user.agencyId });
  await recluster(tx, [personA, personB], check);
  await appendAudit(tx, audit, {
    operation: 'person.link_decided',
    recordType: 'person',
    recordId: personA,
    details: { other: personB, decision: body.decision },
  });
}

export function createLinkageService(deps: AppDeps) {
  const { db } = deps;
  return {
    /** A human decision on a pair, both records in the officer's identity scope; idempotent on clientId. */
    async decide(auth: AuthContext, audit: AuditContext, body: LinkDecisionBody): Promise<void> {
      if (body.personA === body.personB) throw new DomainError('validation_failed', [{ path: 'personB', code: 'link_same_record' }]);
      await db.transaction(async (tx) => {
        const earlier = await decisionByClientId(tx, body.clientId);
        if (earlier === null) return recordHumanDecision(tx, auth, audit, body, { cipher: deps.cipher, model: await modelStoreFor(db).current(tx) });
        // A replay is a no-op; the same client id with another pair or answer is a client bug, not a replay.
        const [a, b] = [body.personA, body.personB].sort();
        if (earlier.personA !== a || earlier.personB !== b || earlier.decision !== body.decision) throw new DomainError('conflict');
      });
    },

    async overview(auth: AuthContext) {
      return countPersons(db, auth.actor);
    },
  };
}
