import { asc, count, max } from 'drizzle-orm';
import { checkReferenceSet, DomainError, parseIndicatorList, parseRuleConfig, type IndicatorList, type RuleConfig, type ScreeningReference, type Verification } from '@qorgau/core';
import type { Db, DbOrTx } from '../db/client.ts';
import { referenceDocuments } from '../db/schema.ts';

export type ReferenceKind = 'indicator_list' | 'rules';

/**
 * The screening reference in force: the files shipped in reference/ (`base`), overridden by
 * what a national administrator uploaded or re-verified (newest row per document wins).
 * Every server process reads the same table, so a change reaches all of them; a one-row
 * stamp query tells whether the cached set is still current.
 */
export interface ReferenceStore {
  current(): Promise<ScreeningReference>;
  /** Validates a replacement against the rest of the set and records it, in `tx`. */
  replace(tx: DbOrTx, kind: ReferenceKind, content: IndicatorList | RuleConfig, createdBy: string): Promise<void>;
}

function applyOverrides(base: ScreeningReference, rows: (typeof referenceDocuments.$inferSelect)[]): ScreeningReference {
  const lists = new Map(base.lists.map((l) => [l.id, l]));
  let rules = base.rules;
  for (const row of rows) {
    const content = { ...(row.content as object), verification: row.verification as Verification };
    if (row.kind === 'rules') {
      const parsed = parseRuleConfig(content);
      if (parsed.ok) rules = parsed.value;
    } else {
      const parsed = parseIndicatorList(content);
      if (parsed.ok) lists.set(parsed.value.id, parsed.value);
    }
  }
  return { lists: [...lists.values()], rules };
}

export function createReferenceStore(db: Db, base: ScreeningReference): ReferenceStore {
  let cache: { stamp: string; reference: ScreeningReference } | null = null;
  const load = async (q: DbOrTx): Promise<ScreeningReference> => {
    const [s] = await q.select({ n: count(), last: max(referenceDocuments.createdAt) }).from(referenceDocuments);
    const stamp = `${s?.n ?? 0}:${s?.last ? new Date(s.last).toISOString() : ''}`;
    if (cache?.stamp === stamp) return cache.reference;
    const rows = await q.select().from(referenceDocuments).orderBy(asc(referenceDocuments.createdAt), asc(referenceDocuments.id));
    cache = { stamp, reference: applyOverrides(base, rows) };
    return cache.reference;
  };
  return {
    current: () => load(db),
    async replace(tx, kind, content, createdBy) {
      const now = await load(tx);
      const next: ScreeningReference =
        kind === 'rules'
          ? { lists: now.lists, rules: content as RuleConfig }
          : { lists: [...now.lists.filter((l) => l.id !== (content as IndicatorList).id), content as IndicatorList], rules: now.rules };
      const issues = checkReferenceSet(next.lists, next.rules);
      if (issues.length) throw new DomainError('validation_failed', issues);
      await tx.insert(referenceDocuments).values({ kind, docId: content.id, version: content.version, verification: content.verification, content, createdBy });
    },
  };
}
