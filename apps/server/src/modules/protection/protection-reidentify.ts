import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { persons } from '../../db/schema.ts';
import { modelStoreFor } from '../linkage/linkage-model.ts';
import { clusterMatesOf, findCandidates } from '../linkage/linkage.repository.ts';
import { CANDIDATE_LIMIT, scoreCandidates } from '../linkage/linkage.service.ts';
import { normalisedPersonOf } from '../linkage/person-linkage-record.ts';
import { notify } from '../notifications/notify.ts';
import { closedCasesOf } from './protection.repository.ts';

/**
 * Re-identification alert (issue #10 item 3; DOMAIN.md §2.8, follow-up against re-trafficking):
 * a screening created or linked `personId`; if she is, by record linkage, the same person as
 * one whose protection case is CLOSED, the last case worker (the latest follow-up's assignee,
 * else the opener) hears of it with a `reidentified` notice naming her own case's reference.
 *
 * "The same person by linkage": the record's linkage cluster, plus every record the matcher
 * scores `same` or `review` against it (keys in any script, so "Айгүл" and "Aigul" meet). Why
 * `review` too: a possible return to trafficking is worth the case worker's look, and she
 * sees only her own case. Runs server-side in the screening's transaction and answers nothing:
 * the screener learns nothing of the earlier case (minimal disclosure).
 */
export async function alertReidentified(deps: Pick<AppDeps, 'db' | 'cipher'>, tx: DbOrTx, personId: string, screeningId: string, at: Date): Promise<void> {
  const [person] = await tx.select().from(persons).where(eq(persons.id, personId));
  if (!person) return;
  const model = await modelStoreFor(deps.db).current(tx);
  const rows = await findCandidates(tx, { keys: person.linkageKeys, identityNumberIndex: person.identityNumberIndex }, { limit: CANDIDATE_LIMIT });
  const likely = scoreCandidates(deps.cipher, model, normalisedPersonOf(deps.cipher, person), rows).map((s) => s.row.id);
  const same = [...new Set([personId, ...likely, ...(await clusterMatesOf(tx, [personId]))])];
  const closed = await closedCasesOf(tx, same);
  await notify(
    tx,
    closed.map((c) => ({
      userId: c.lastWorker ?? c.openedBy,
      kind: 'reidentified',
      subjectType: 'protection_case' as const,
      subjectId: c.id,
      facts: { reference: c.reference },
      // One notice per screening and case: a second screening is news again.
      dedupeKey: `reidentified:${c.id}:${screeningId}`,
    })),
    at,
  );
}
