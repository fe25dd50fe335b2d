import { type LinkageModel, type NormalisedRecord, scoreWithModel } from '@qorgau/core';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { insertMany } from '../../db/bulk-insert.ts';
import { personLinkProposals } from '../../db/schema.ts';
import { CANDIDATES_PER_KEY, type ProposalRow } from './linkage.repository.ts';
import { type ClusterCheck, intakeDecision, proposalRowOf, recluster } from './linkage.service.ts';
import { type LinkableRow, modelFrequencies, normalisedPersonOf } from './person-linkage-record.ts';

/**
 * Linking many records taken in at once (an HTCDS import): the same keys, model and decisions as
 * a record entered on screen (`linkNewRecord`), in set-sized steps. Per record, the intake path
 * costs a candidate query, a proposal upsert and, for a likely repeat, a re-clustering: 20 ms a
 * row at 10,000 rows, and the file's own common names make each candidate query heavier as it
 * goes. Here:
 * - the register's candidates are read before the file's records are written (they are not
 *   candidates of the register), a few hundred records a statement;
 * - the file's records find each other in memory, by the same hashed keys, each record among
 *   those before it (as one entered after the other would), a key's nearest holders first;
 * - each record keeps its best `BULK_CANDIDATE_LIMIT` candidates, most keys shared first (the
 *   bulk linkage job keeps 30; a true repeat shares several keys and ranks first);
 * - a candidate is decrypted once, the file's records never (they are in memory);
 * - proposals go in large batches, and clusters are recomputed once, over every record joined.
 * Scoring is Node's work and writing is PostgreSQL's: the import scores while its persons are
 * being written (`scoreInBulk` yields to the event loop so the next insert is sent on time),
 * then records the outcome (`recordBulkLinks`).
 */

export interface BulkProbe {
  record: NormalisedRecord;
  keys: string[];
  identityNumberIndex: string | null;
}

/** Candidates scored per record. */
export const BULK_CANDIDATE_LIMIT = 10;
/** Of a key many records of one file hold, only the nearest this many before a record are looked at. */
const FILE_HOLDERS_PER_KEY = 200;
const PROBES_PER_STATEMENT = 5_000;
/** Records scored between two yields to the event loop (a few milliseconds of work). */
const PROBES_PER_TURN = 500;

export interface RegisterHit {
  probe: string;
  shared: number;
  id: string;
  first_name_enc: string;
  second_name_enc: string;
  middle_name_enc: string | null;
  birthdate_enc: string | null;
  identity_number_enc: string | null;
  mobile_phone_enc: string | null;
  gender: string;
  citizenship: string;
}

const linkable = (r: RegisterHit): LinkableRow => ({
  id: r.id,
  firstNameEnc: r.first_name_enc,
  secondNameEnc: r.second_name_enc,
  middleNameEnc: r.middle_name_enc,
  birthdateEnc: r.birthdate_enc,
  identityNumberEnc: r.identity_number_enc,
  mobilePhoneEnc: r.mobile_phone_enc,
  gender: r.gender,
  citizenship: r.citizenship,
});

/**
 * The register's candidates of each record, ranked as at intake (`candidatesQuery`): most keys
 * shared, rarest key, id. Call before the records are written.
 */
export async function registerCandidates(tx: DbOrTx, probes: readonly BulkProbe[]): Promise<RegisterHit[]> {
  const hits: RegisterHit[] = [];
  for (let i = 0; i < probes.length; i += PROBES_PER_STATEMENT) {
    const chunk = probes.slice(i, i + PROBES_PER_STATEMENT);
    const payload = JSON.stringify(chunk.map((p) => ({ id: p.record.id, keys: p.keys, idn: p.identityNumberIndex })));
    for (const hit of rowsOf<RegisterHit>(
      await tx.execute(sql`
          SELECT x.id AS probe, c.shared, p.id, p.first_name_enc, p.second_name_enc, p.middle_name_enc, p.birthdate_enc,
                 p.identity_number_enc, p.mobile_phone_enc, p.gender, p.citizenship
          FROM jsonb_to_recordset(${payload}::jsonb) AS x(id uuid, keys text[], idn text)
          CROSS JOIN LATERAL (
            SELECT h.person_id, h.shared FROM person_linkage_hits(x.keys, x.idn, ${CANDIDATES_PER_KEY}::int) h
            ORDER BY h.shared DESC, h.rarest, h.person_id
            LIMIT ${BULK_CANDIDATE_LIMIT}) c
          JOIN persons p ON p.id = c.person_id`),
    ))
      hits.push(hit);
  }
  return hits;
}

/**
 * For each record, the records of the file before it that share its keys, with how many
 * (identity number included), visited in the order first met: key by key, nearest first.
 * Called once per record, in file order. The counts live in one array for the whole file,
 * cleared after each record: a record meets up to a few thousand holders, and a map for each
 * was most of what the import allocated while scoring.
 */
function fileCandidateFinder(size: number): (p: BulkProbe, i: number, visit: (j: number, shared: number) => void) => void {
  const holders = new Map<string, number[]>();
  const counts = new Int32Array(size);
  const met: number[] = [];
  const meet = (key: string, i: number) => {
    let list = holders.get(key);
    if (!list) holders.set(key, (list = []));
    for (let k = list.length - 1, seen = 0; k >= 0 && seen < FILE_HOLDERS_PER_KEY; k--, seen++) {
      const j = list[k] as number;
      const n = counts[j] as number;
      if (n === 0) met.push(j);
      counts[j] = n + 1;
    }
    list.push(i);
  };
  return (p, i, visit) => {
    for (const key of p.keys) meet(key, i);
    if (p.identityNumberIndex) meet(`idn:${p.identityNumberIndex}`, i);
    for (const j of met) {
      visit(j, counts[j] as number);
      counts[j] = 0;
    }
    met.length = 0;
  };
}

/**
 * The first `limit` of candidates offered in rank order, by most keys shared, the earlier
 * offered first among equals: what a stable sort of them all and its first `limit` give,
 * without keeping or sorting the rest.
 */
export function bestShared(limit: number) {
  const shared: number[] = [];
  const items: number[] = [];
  return {
    offer(n: number, item: number): void {
      if (items.length === limit && n <= (shared[limit - 1] as number)) return;
      let at = items.length;
      while (at > 0 && (shared[at - 1] as number) < n) at--;
      shared.splice(at, 0, n);
      items.splice(at, 0, item);
      if (items.length > limit) {
        shared.pop();
        items.pop();
      }
    },
    /** The items kept, best first; empties the selection for the next record. */
    take(): number[] {
      const taken = items.splice(0);
      shared.length = 0;
      return taken;
    },
  };
}

export interface BulkLinks {
  proposals: ProposalRow[];
  /** Records the model put with another one: the re-clustering's seeds. */
  joined: Set<string>;
}

/**
 * Scores every new record against its candidates: the register's (`registerCandidates`, read
 * before the records were written) and the file's own, in memory. Needs no database.
 */
export async function scoreInBulk(
  cipher: FieldCipher,
  model: LinkageModel,
  probes: readonly BulkProbe[],
  register: readonly RegisterHit[],
): Promise<BulkLinks> {
  const frequencies = modelFrequencies(cipher, model);
  // A register record is decrypted once, however many new records it is a candidate of.
  const decrypted = new Map<string, NormalisedRecord>();
  const registerRecord = (h: RegisterHit): NormalisedRecord => {
    let r = decrypted.get(h.id);
    if (!r) decrypted.set(h.id, (r = normalisedPersonOf(cipher, linkable(h))));
    return r;
  };
  const byProbe = new Map<string, RegisterHit[]>();
  for (const h of register) {
    const hits = byProbe.get(h.probe);
    if (hits) hits.push(h);
    else byProbe.set(h.probe, [h]);
  }
  const inFile = fileCandidateFinder(probes.length);
  const best = bestShared(BULK_CANDIDATE_LIMIT);
  const proposals: ProposalRow[] = [];
  const joined = new Set<string>();
  for (const [i, p] of probes.entries()) {
    if (i % PROBES_PER_TURN === PROBES_PER_TURN - 1) await nextTurn();
    // Most keys shared first; among equals, the register's (ranked by rarity) before the file's
    // (nearest first). A candidate is a number: -1 - k for the k-th register hit, j for the file's j-th record.
    const hits = byProbe.get(p.record.id) ?? [];
    hits.forEach((h, k) => best.offer(h.shared, -1 - k));
    inFile(p, i, (j, shared) => best.offer(shared, j));
    for (const c of best.take()) {
      const other = c >= 0 ? (probes[c] as BulkProbe).record : registerRecord(hits[-1 - c] as RegisterHit);
      const s = scoreWithModel(p.record, other, model, frequencies);
      const decision = intakeDecision(s);
      if (decision === 'different') continue;
      proposals.push(proposalRowOf(p.record.id, other.id, s, decision));
      if (decision === 'same') joined.add(p.record.id).add(other.id);
    }
  }
  return { proposals, joined };
}

/**
 * Writes what `scoreInBulk` found, once the new records are written: the proposals, then one
 * re-clustering over every record joined. Every pair names a new record, so none can be in the
 * table already: a plain insert, not the intake's upsert.
 */
export async function recordBulkLinks(tx: DbOrTx, check: ClusterCheck, links: BulkLinks): Promise<void> {
  await insertMany(tx, personLinkProposals, links.proposals);
  if (links.joined.size) await recluster(tx, [...links.joined], check);
}
