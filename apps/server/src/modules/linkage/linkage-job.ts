import { setImmediate as nextTurn } from 'node:timers/promises';
/**
 * The bulk linkage job (issue #4 item 3): links every person and keeps the clusters that
 * statistics count. Phases, each resumable from the cursor saved with every batch:
 *   keys      recompute stored linkage keys (and name indexes) made by an older core key version;
 *   estimate  estimate the model with the batch engine on a sample of records and their nearest candidates;
 *   pairs     score each record against its candidates (each pair once) and keep proposals;
 *   clusters  rebuild every cluster from model 'same' pairs and human decisions.
 * A run belongs to the process whose heartbeat is fresh; a run whose heartbeat is older than
 * the lease lost its process and is taken over where it stopped (at start-up or on a read).
 */
import { and, asc, count, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import {
  clusterSizeHistogram,
  comparePattern,
  estimateLinkageModel,
  LINKAGE_KEYS_VERSION,
  normaliseRecord,
  uFromRandomPairs,
  type LinkageModel,
  type LinkageRecord,
  type LinkageRun,
  type NormalisedRecord,
  type PairDecision,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { DbOrTx } from '../../db/client.ts';
import { linkageRuns, persons } from '../../db/schema.ts';
import { modelStoreFor } from './linkage-model.ts';
import { coherentClusters, componentDecisions, lockClusters, proposalRowOf, scoreCandidates } from './linkage.service.ts';
import {
  dropProposalsNotKept,
  findCandidates,
  markForReview,
  nameTokenCounts,
  replaceClusters,
  upsertProposals,
  type ProposalRow,
} from './linkage.repository.ts';
import { linkageRecordOf, normalisedPersonOf } from './person-linkage-record.ts';
import { searchIndexesOf } from '../persons/persons.service.ts';

const LEASE_SECONDS = 60;
const KEYS_BATCH = 500;
const JOB_CANDIDATE_LIMIT = 30;
const PAIRS_BATCH = 100;
/** The estimation sample: this many records, each with its nearest candidates (cheap at any size). */
const ESTIMATE_SEEDS = 2000;
const ESTIMATE_NEIGHBOURS = 10;

type RunRow = typeof linkageRuns.$inferSelect;

export const runView = (r: RunRow): LinkageRun => ({
  id: r.id,
  status: r.status as LinkageRun['status'],
  phase: r.phase as LinkageRun['phase'],
  processed: r.processed,
  total: r.total,
  pairsScored: r.pairsScored,
  proposals: r.proposals,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  clusterSizes: r.clusterSizes ?? null,
  refusedMerges: r.refusedMerges,
});

async function latestRun(db: DbOrTx): Promise<RunRow | null> {
  const [row] = await db.select().from(linkageRuns).orderBy(desc(linkageRuns.startedAt)).limit(1);
  return row ?? null;
}

/** Takes over a running run whose heartbeat is stale (its process is gone). */
async function claim(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(linkageRuns)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(linkageRuns.id, id), eq(linkageRuns.status, 'running'), lt(linkageRuns.heartbeatAt, sql`now() - make_interval(secs => ${LEASE_SECONDS})`)))
    .returning({ id: linkageRuns.id });
  return rows.length > 0;
}

const personCount = async (db: DbOrTx, where = sql`true`) => (await db.select({ n: count() }).from(persons).where(where))[0]?.n ?? 0;
const staleKeys = ne(persons.linkageKeysVersion, LINKAGE_KEYS_VERSION);

export function createLinkageJob(deps: Pick<AppDeps, 'db' | 'cipher'>) {
  const { db, cipher } = deps;
  const models = modelStoreFor(db);
  let active: Promise<void> | null = null;

  async function save(tx: DbOrTx, id: string, set: Partial<typeof linkageRuns.$inferInsert>): Promise<void> {
    await tx
      .update(linkageRuns)
      .set({ ...set, heartbeatAt: sql`now()` })
      .where(eq(linkageRuns.id, id));
  }

  /** Moves to the next phase, resetting the cursor and the phase's progress. */
  async function enter(id: string, phase: LinkageRun['phase'], total: number): Promise<void> {
    await save(db, id, { phase, cursor: null, processed: 0, total });
  }

  async function keysBatch(run: RunRow): Promise<boolean> {
    const rows = await db
      .select()
      .from(persons)
      .where(and(staleKeys, run.cursor ? gt(persons.id, run.cursor) : sql`true`))
      .orderBy(asc(persons.id))
      .limit(KEYS_BATCH);
    if (rows.length === 0) return false;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        // The name index rests on the same skeletons: rebuilt with them, so search agrees with linkage.
        await tx
          .update(persons)
          .set(searchIndexesOf(cipher, linkageRecordOf(cipher, row)).columns)
          .where(eq(persons.id, row.id));
      }
      await save(tx, run.id, { cursor: rows.at(-1)?.id ?? null, processed: run.processed + rows.length });
    });
    return true;
  }

  /**
   * Candidate pairs of one record with records after it (so each pair is seen once), the
   * ones sharing most keys first. Fewer than at intake: decrypting candidates is the job's main
   * cost, and a true repeat shares several keys, so it ranks near the top.
   */
  async function pairsOf(row: typeof persons.$inferSelect) {
    const record = normalisedPersonOf(cipher, row);
    const rows = await findCandidates(
      db,
      { keys: row.linkageKeys, identityNumberIndex: row.identityNumberIndex },
      { where: gt(persons.id, row.id), limit: JOB_CANDIDATE_LIMIT },
    );
    return { record, rows };
  }

  /**
   * Estimates the model with the batch engine (`linkRecords`: its blocking and its EM
   * safeguards) on a sample enriched with likely repeats: a spread of records plus their
   * nearest candidates. Why not plain EM on the database candidates: in a large register those
   * are dominated by namesakes (same names and year, other date), and EM then learns "same
   * given name" as the match class (seen at 1,000,000 persons: a third of all pairs "same").
   */
  async function estimate(run: RunRow): Promise<LinkageModel> {
    const seeds = await db.select().from(persons).orderBy(asc(persons.id)).limit(ESTIMATE_SEEDS);
    const sample = new Map<string, LinkageRecord>();
    for (const row of seeds) {
      sample.set(row.id, linkageRecordOf(cipher, row));
      const near = await findCandidates(
        db,
        { keys: row.linkageKeys, identityNumberIndex: row.identityNumberIndex },
        { where: ne(persons.id, row.id), limit: ESTIMATE_NEIGHBOURS },
      );
      for (const c of near) if (!sample.has(c.id)) sample.set(c.id, linkageRecordOf(cipher, c));
    }
    // Too few records to learn from (a new database): keep the current model.
    const base =
      sample.size >= 200
        ? estimateLinkageModel([...sample.values()], { u: populationU(seeds.map((r) => sample.get(r.id) as LinkageRecord)) })
        : await models.current(db);
    const model: LinkageModel = { ...base, nameFrequencies: await nameFrequencies() };
    await save(db, run.id, { model, processed: seeds.length });
    return model;
  }

  /**
   * u among random pairs of the seeds (a uniform sample of the register: ids are random), not of
   * the enriched sample, whose neighbours were chosen for sharing names.
   */
  function populationU(seeds: LinkageRecord[]) {
    const records = seeds.map(normaliseRecord);
    return uFromRandomPairs(records.length, (i, j) => comparePattern(records[i] as NormalisedRecord, records[j] as NormalisedRecord));
  }

  /**
   * The register's name frequencies for term-frequency weights, counted over every person's keyed
   * name index (no decryption, no name in clear). Only tokens held by at least one record in ten
   * thousand (and two records) are kept: rarer ones read as that share, which bounds the model's size.
   */
  async function nameFrequencies(): Promise<LinkageModel['nameFrequencies']> {
    const records = await personCount(db);
    if (records === 0) return undefined;
    const floor = Math.max(2, Math.ceil(records / 10_000));
    const shares: Record<string, number> = {};
    for (const { token, n } of await nameTokenCounts(db, floor)) shares[token] = n / records;
    return { records, rareShare: (floor - 1) / records || 1 / records, shares };
  }

  async function pairsBatch(run: RunRow, model: LinkageModel): Promise<boolean> {
    const batch = await db
      .select()
      .from(persons)
      .where(run.cursor ? gt(persons.id, run.cursor) : sql`true`)
      .orderBy(asc(persons.id))
      .limit(PAIRS_BATCH);
    if (batch.length === 0) return false;
    const proposals: ProposalRow[] = [];
    let scoredPairs = 0;
    for (const row of batch) {
      const { record, rows } = await pairsOf(row);
      scoredPairs += rows.length;
      for (const k of scoreCandidates(cipher, model, record, rows)) proposals.push(proposalRowOf(row.id, k.row.id, k.scored, k.decision));
    }
    await db.transaction(async (tx) => {
      await dropProposalsNotKept(
        tx,
        batch.map((r) => r.id),
        proposals.map((p) => [p.personA, p.personB]),
      );
      await upsertProposals(tx, proposals);
      await save(tx, run.id, {
        cursor: batch.at(-1)?.id ?? null,
        processed: run.processed + batch.length,
        pairsScored: run.pairsScored + scoredPairs,
        proposals: run.proposals + proposals.length,
      });
    });
    return true;
  }

  /**
   * Rebuilds every cluster coherently. Components of the 'same' graph are found first (cheap);
   * only those of three or more records can hold a conflict between records not paired
   * directly, so only their records are read and checked (core `clusterCoherently`).
   */
  async function rebuildClusters(run: RunRow): Promise<void> {
    const model = (run.model as LinkageModel | null) ?? (await models.current(db));
    await db.transaction(async (tx) => {
      await lockClusters(tx);
      const decisions = await componentDecisions(tx, null);
      const clusters: string[][] = [];
      const refused: PairDecision[] = [];
      for (const part of components(decisions)) {
        const result = await coherentClusters(tx, part.ids, part.decisions, { cipher, model });
        clusters.push(...result.clusters.filter((c) => c.length > 1));
        refused.push(...result.refused);
      }
      await replaceClusters(tx, null, clusters);
      await markForReview(tx, refused);
      const clusterSizes = clusterSizeHistogram(clusters);
      await save(tx, run.id, { phase: 'done', status: 'done', finishedAt: new Date(), processed: run.total, clusterSizes, refusedMerges: refused.length });
      await appendAudit(
        tx,
        { actor: null, ip: null },
        {
          operation: 'linkage.run_finished',
          recordType: 'linkage_run',
          recordId: run.id,
          details: {
            pairsScored: run.pairsScored,
            proposals: run.proposals,
            clusters: clusters.length,
            largestCluster: clusterSizes.largest,
            refusedMerges: refused.length,
          },
        },
      );
    });
  }

  /** Drives a claimed run to its end, phase by phase, yielding to requests between batches. */
  async function drive(id: string): Promise<void> {
    const load = async () => (await db.select().from(linkageRuns).where(eq(linkageRuns.id, id)))[0] as RunRow;
    let run = await load();
    try {
      if (run.phase === 'keys') {
        while (await keysBatch(run)) {
          run = await load();
          await nextTurn();
        }
        await enter(id, 'estimate', Math.min(ESTIMATE_SEEDS, await personCount(db)));
        run = await load();
      }
      if (run.phase === 'estimate') {
        await estimate(run);
        await enter(id, 'pairs', await personCount(db));
        run = await load();
      }
      if (run.phase === 'pairs') {
        const model = run.model as LinkageModel;
        while (await pairsBatch(run, model)) {
          run = await load();
          await nextTurn();
        }
        await save(db, id, { phase: 'clusters' });
        run = await load();
      }
      if (run.phase === 'clusters') await rebuildClusters(run);
      models.invalidate();
    } catch (e) {
      await save(db, id, { status: 'failed', finishedAt: new Date() });
      throw e;
    }
  }

  function launch(id: string): Promise<void> {
    active = drive(id).finally(() => {
      active = null;
    });
    // A failed run is recorded as 'failed' and reported here by class and PostgreSQL code only:
    // a database error's message carries the query's parameters (ciphertext, blind indexes).
    active.catch((e: unknown) => {
      const code = (e as { cause?: { code?: string } })?.cause?.code;
      console.error(`qorgau: linkage run ${id} failed (${(e as Error)?.name ?? 'error'}${code ? ` ${code}` : ''})`);
    });
    return active;
  }

  return {
    /** Starts a run (or returns the one in progress). */
    async start(audit: AuditContext): Promise<LinkageRun> {
      const current = await latestRun(db);
      if (current?.status === 'running') {
        if (!active && (await claim(db, current.id))) void launch(current.id);
        return runView(current);
      }
      const [created] = await db
        .insert(linkageRuns)
        .values({ status: 'running', phase: 'keys', total: await personCount(db, staleKeys), startedBy: audit.actor?.id ?? null })
        .onConflictDoNothing()
        .returning();
      // Another request started one a moment ago (one running run at most, by a unique index).
      if (!created) return runView((await latestRun(db)) as RunRow);
      const run = created;
      await appendAudit(db, audit, { operation: 'linkage.run_started', recordType: 'linkage_run', recordId: run.id });
      void launch(run.id);
      return runView(run);
    },

    /** The latest run; a run abandoned by a dead process is resumed here. */
    async current(): Promise<LinkageRun | null> {
      const run = await latestRun(db);
      if (run?.status === 'running' && !active && (await claim(db, run.id))) void launch(run.id);
      return run ? runView(run) : null;
    },

    /** Resolves when this process has no run in progress (tests, the CLI, the demo seed). */
    async idle(): Promise<void> {
      while (active) await active.catch(() => undefined);
    },
  };
}
export type LinkageJob = ReturnType<typeof createLinkageJob>;

const jobs = new WeakMap<object, LinkageJob>();
/** One job runner per database handle. */
export function linkageJobFor(deps: Pick<AppDeps, 'db' | 'cipher'>): LinkageJob {
  let job = jobs.get(deps.db);
  if (!job) jobs.set(deps.db, (job = createLinkageJob(deps)));
  return job;
}

/** The connected components of the pairs decided 'same' (by anyone), each with the decisions among its records. */
export function components(decisions: readonly PairDecision[]): { ids: string[]; decisions: PairDecision[] }[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    while (x !== root) {
      const up = parent.get(x) ?? root;
      parent.set(x, root);
      x = up;
    }
    return root;
  };
  for (const d of decisions) for (const id of d.ids) if (!parent.has(id)) parent.set(id, id);
  for (const d of decisions) if (d.decision === 'same') parent.set(find(d.ids[0]), find(d.ids[1]));
  const out = new Map<string, { ids: string[]; decisions: PairDecision[] }>();
  for (const id of parent.keys()) {
    const root = find(id);
    let part = out.get(root);
    if (part === undefined) out.set(root, (part = { ids: [], decisions: [] }));
    part.ids.push(id);
  }
  for (const d of decisions) out.get(find(d.ids[0]))?.decisions.push(d);
  return [...out.values()];
}
