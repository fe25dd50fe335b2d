/** Drizzle queries of record linkage: candidates, proposals, human decisions and clusters. */
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '@qorgau/core';
import { anyOfIds } from '../../db/any-of.ts';
import { insertMany } from '../../db/bulk-insert.ts';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { agencies, personClusters, personLinkDecisions, personLinkProposals, persons } from '../../db/schema.ts';
import { agencyNameSelect } from '../agencies/agency-name.ts';
import { identityScope, personScope, type PersonRow } from '../persons/persons.repository.ts';

/**
 * Records sharing a linkage key are read through at most this many per key. A key shared by
 * more records than this tells nobody apart (at 1,000,000 synthetic persons the most common
 * key gathers ~700); the bound keeps one such key from costing thousands of heap reads.
 */
export const CANDIDATES_PER_KEY = 1000;

/**
 * The candidate query (see `findCandidates`). The key lookups run inside the SQL function
 * `person_linkage_hits` (migration 0021), which reads each key's records through the GIN index
 * with sequential scans disabled for its own statement only: with no statistics on `persons`
 * (a fresh bulk load, a restored backup, autovacuum not yet round) the planner priced the old
 * single `linkage_keys && keys` query at 1 - 0.995^keys of the table and, for probes with many
 * keys, read all 1,000,000 rows (2 s) instead of the few dozen that match (docs/benchmarks.md §5).
 * The function returns a bounded number of ids (ROWS 200), so the join back to `persons` is a
 * primary-key probe per hit whatever the statistics say.
 */
export function candidatesQuery(db: DbOrTx, probe: { keys: string[]; identityNumberIndex: string | null }, opts: { where?: SQL; limit: number }) {
  const hits = sql`person_linkage_hits(${sql.param(probe.keys)}::text[], ${probe.identityNumberIndex}::text, ${CANDIDATES_PER_KEY}::int) AS h`;
  return db
    .select({ person: persons })
    .from(persons)
    .innerJoin(hits, sql`h.person_id = ${persons.id}`)
    .where(opts.where)
    .orderBy(sql`h.shared DESC`, sql`h.rarest`, asc(persons.id))
    .limit(opts.limit);
}

/**
 * Candidates for one record: rows sharing a linkage key or the identity number, most keys
 * shared first; among rows sharing as many, those found through a rarer key first (a key
 * hundreds share must not push out the one record a rare key found), then by id.
 */
export async function findCandidates(
  db: DbOrTx,
  probe: { keys: string[]; identityNumberIndex: string | null },
  opts: { where?: SQL; limit: number },
): Promise<PersonRow[]> {
  if (probe.keys.length === 0 && probe.identityNumberIndex === null) return [];
  const rows = await candidatesQuery(db, probe, opts);
  return rows.map((r) => r.person);
}

/**
 * How many persons carry each keyed name token (the name index), for those carried by at least
 * `atLeast`: the register's name frequencies without decrypting a name.
 */
export async function nameTokenCounts(db: DbOrTx, atLeast: number): Promise<{ token: string; n: number }[]> {
  return rowsOf<{ token: string; n: number }>(
    await db.execute(sql`SELECT t AS token, count(*)::int AS n FROM ${persons}, unnest(${persons.nameIndex}) AS t GROUP BY t HAVING count(*) >= ${atLeast}`),
  );
}

export type ProposalRow = typeof personLinkProposals.$inferInsert;

/** Inserts or rescores proposals; a pair already decided by a person keeps its status. */
export async function upsertProposals(tx: DbOrTx, rows: ProposalRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(personLinkProposals)
    .values(rows)
    .onConflictDoUpdate({
      target: [personLinkProposals.personA, personLinkProposals.personB],
      set: {
        modelDecision: sql`excluded.model_decision`,
        reviewReason: sql`excluded.review_reason`,
        score: sql`excluded.score`,
        probability: sql`excluded.probability`,
        explanation: sql`excluded.explanation`,
        updatedAt: sql`now()`,
      },
    });
}

/**
 * The bulk job rescored every pair (a, b > a) of the records `a` in `batch`: their open
 * proposals not in `kept` (now 'different', or no longer candidates) are removed, in one
 * statement. Decided pairs stay: a person's decision is history.
 */
export async function dropProposalsNotKept(tx: DbOrTx, batch: string[], kept: [string, string][]): Promise<void> {
  if (batch.length === 0) return;
  const p = personLinkProposals;
  await tx.execute(sql`DELETE FROM ${p} WHERE ${p.personA} = ANY(${sql.param(batch)}::uuid[]) AND ${p.status} = 'open'
    AND NOT EXISTS (SELECT 1 FROM unnest(${sql.param(kept.map((k) => k[0]))}::uuid[], ${sql.param(kept.map((k) => k[1]))}::uuid[]) AS k(a, b)
                    WHERE k.a = ${p.personA} AND k.b = ${p.personB})`);
}

/**
 * Model 'same' pairs that clustering refused (they would join conflicting records, or grow a
 * cluster too large) become 'review': a person decides them; the model's score is kept.
 */
export async function markForReview(tx: DbOrTx, pairs: readonly { ids: readonly [string, string] }[]): Promise<void> {
  if (pairs.length === 0) return;
  const p = personLinkProposals;
  const ordered = pairs.map((x) => [...x.ids].sort());
  const [a, b] = [ordered.map((x) => x[0]), ordered.map((x) => x[1])];
  await tx.execute(sql`UPDATE ${p} SET model_decision = 'review', review_reason = 'cluster', updated_at = now()
    FROM unnest(${sql.param(a)}::uuid[], ${sql.param(b)}::uuid[]) AS k(a, b)
    WHERE ${p.personA} = k.a AND ${p.personB} = k.b AND ${p.modelDecision} = 'same'`);
}

export type DecisionRow = typeof personLinkDecisions.$inferInsert;

export async function insertDecision(tx: DbOrTx, row: DecisionRow): Promise<void> {
  await tx.insert(personLinkDecisions).values(row);
  await tx
    .update(personLinkProposals)
    .set({ status: 'decided', updatedAt: sql`now()` })
    .where(and(eq(personLinkProposals.personA, row.personA), eq(personLinkProposals.personB, row.personB)));
}

export async function decisionByClientId(db: DbOrTx, clientId: string) {
  const d = personLinkDecisions;
  const [row] = await db.select({ personA: d.personA, personB: d.personB, decision: d.decision }).from(d).where(eq(d.clientId, clientId));
  return row ?? null;
}

/** The latest human decision on every decided pair touching `ids` (all pairs when `ids` is null). */
export async function latestDecisions(db: DbOrTx, ids: string[] | null): Promise<{ personA: string; personB: string; decision: string }[]> {
  const d = personLinkDecisions;
  const touching = ids === null ? sql`true` : or(anyOfIds(d.personA, ids), anyOfIds(d.personB, ids));
  return db
    .selectDistinctOn([d.personA, d.personB], { personA: d.personA, personB: d.personB, decision: d.decision })
    .from(d)
    .where(touching)
    .orderBy(d.personA, d.personB, desc(d.at), desc(d.id));
}

/** Proposals the model scored 'same' touching `ids` (all when null), with their scores. */
export async function modelSameEdges(db: DbOrTx, ids: string[] | null): Promise<{ personA: string; personB: string; score: number }[]> {
  const p = personLinkProposals;
  const touching = ids === null ? sql`true` : or(anyOfIds(p.personA, ids), anyOfIds(p.personB, ids));
  return db
    .select({ personA: p.personA, personB: p.personB, score: p.score })
    .from(p)
    .where(and(eq(p.modelDecision, 'same'), touching));
}

/** Every record currently clustered with any of `ids`. */
export async function clusterMatesOf(db: DbOrTx, ids: string[]): Promise<string[]> {
  const mates = db.select({ clusterId: personClusters.clusterId }).from(personClusters).where(anyOfIds(personClusters.personId, ids));
  const rows = await db.select({ id: personClusters.personId }).from(personClusters).where(inArray(personClusters.clusterId, mates));
  return rows.map((r) => r.id);
}

/** Replaces the cluster rows of `ids` by `clusters` (singletons get no row). */
export async function replaceClusters(tx: DbOrTx, ids: string[] | null, clusters: string[][]): Promise<void> {
  if (ids === null) await tx.delete(personClusters);
  else if (ids.length > 0) await tx.delete(personClusters).where(anyOfIds(personClusters.personId, ids));
  const rows = clusters.filter((c) => c.length > 1).flatMap((c) => c.map((personId) => ({ personId, clusterId: c[0] as string })));
  await insertMany(tx, personClusters, rows);
}

/**
 * Records in the actor's read scope, and how many distinct people they are once linked records
 * count once: the unlinked records, plus the distinct clusters of the linked ones. The same as
 * `count(DISTINCT coalesce(cluster_id, id))` (a cluster's id is one of its own records, so it is
 * never an unlinked record's id), without sorting every record in scope (1,000,000 nationally).
 */
export async function countPersons(db: DbOrTx, actor: Actor): Promise<{ records: number; persons: number }> {
  const [row] = await db
    .select({
      records: count(),
      persons: sql<number>`(count(*) FILTER (WHERE ${personClusters.clusterId} IS NULL) + count(DISTINCT ${personClusters.clusterId}))::int`,
    })
    .from(persons)
    .leftJoin(personClusters, eq(personClusters.personId, persons.id))
    .where(personScope(actor, 'person.read'));
  return { records: row?.records ?? 0, persons: row?.persons ?? 0 };
}

/** True when the person is in the actor's identity scope (a condition on one person id column). */
export const identityVisibleSql = (actor: Actor, personId: SQL | PgColumn): SQL =>
  sql`EXISTS (SELECT 1 FROM ${persons} WHERE ${persons.id} = ${personId} AND ${identityScope(actor)})`;

/** Open proposals whose two records are both in the actor's identity scope; 'review' first, then strongest. */
export async function listOpenProposals(db: DbOrTx, actor: Actor, page: number, pageSize: number) {
  const p = personLinkProposals;
  const where = and(eq(p.status, 'open'), identityVisibleSql(actor, p.personA), identityVisibleSql(actor, p.personB));
  // One after the other: inside a transaction both would queue on the same connection anyway.
  const rows = await db
    .select()
    .from(p)
    .where(where)
    .orderBy(sql`(${p.modelDecision} = 'review') DESC`, desc(p.probability), asc(p.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(p).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** One proposal, only when both its records are in the actor's identity scope. */
export async function getProposal(db: DbOrTx, actor: Actor, id: string) {
  const p = personLinkProposals;
  const [row] = await db
    .select()
    .from(p)
    .where(and(eq(p.id, id), identityVisibleSql(actor, p.personA), identityVisibleSql(actor, p.personB)));
  return row ?? null;
}

export async function personsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, PersonRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(persons).where(anyOfIds(persons.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every human decision on one pair, oldest first, with the deciding agency's name. */
export async function decisionsOnPair(db: DbOrTx, personA: string, personB: string) {
  const d = personLinkDecisions;
  return db
    .select({ decision: d.decision, at: d.at, byAgency: agencyNameSelect(agencies) })
    .from(d)
    .innerJoin(agencies, eq(agencies.id, d.agencyId))
    .where(and(eq(d.personA, personA), eq(d.personB, personB)))
    .orderBy(asc(d.at), asc(d.id));
}

/** Records in the same cluster as `id`, other than itself, in the actor's identity scope. */
export async function linkedRecordsOf(db: DbOrTx, actor: Actor, id: string): Promise<PersonRow[]> {
  const mine = db.select({ clusterId: personClusters.clusterId }).from(personClusters).where(eq(personClusters.personId, id));
  const rows = await db
    .select({ person: persons })
    .from(personClusters)
    .innerJoin(persons, eq(persons.id, personClusters.personId))
    .where(and(inArray(personClusters.clusterId, mine), sql`${persons.id} <> ${id}::uuid`, identityScope(actor)))
    .orderBy(asc(persons.createdAt));
  return rows.map((r) => r.person);
}
