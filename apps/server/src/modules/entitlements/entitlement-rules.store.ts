import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { DomainError, parseEntitlementRuleSet, type EntitlementRuleSet } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { referenceDocuments } from '../../db/schema.ts';
import { DEFAULT_REFERENCE_DIR, ReferenceDataError } from '../../reference/screening-reference.ts';

/** The entitlement rules' rows in reference_documents (another uploadable kind beside the indicator lists). */
export const ENTITLEMENT_RULES_KIND = 'entitlement_rules';

/**
 * The versions shipped in reference/entitlements/entitlement-rules-<version>.json. An invalid
 * file stops the start-up, like the indicator lists (no rule of law lives in code).
 */
export function loadShippedEntitlementRules(dir: string = DEFAULT_REFERENCE_DIR): EntitlementRuleSet[] {
  const folder = join(dir, 'entitlements');
  return readdirSync(folder)
    .filter((f) => /^entitlement-rules-.+\.json$/.test(f))
    .sort()
    .map((f) => {
      const parsed = parseEntitlementRuleSet(JSON.parse(readFileSync(join(folder, f), 'utf8')));
      if (!parsed.ok) throw new ReferenceDataError(`${f}: ${parsed.issues.map((i) => `${i.path} ${i.code}`).join('; ')}`);
      return parsed.value;
    });
}

let shipped: EntitlementRuleSet[] | null = null;
const shippedRules = () => {
  shipped ??= loadShippedEntitlementRules();
  return shipped;
};

/**
 * Every version in force at some date: the shipped files and the uploaded versions (an upload
 * with the same id and version replaces the shipped one). Read in the caller's transaction: a
 * handful of rows, so no cache to go stale between server processes.
 */
export async function entitlementRuleSets(q: DbOrTx): Promise<EntitlementRuleSet[]> {
  const rows = await q
    .select({ content: referenceDocuments.content })
    .from(referenceDocuments)
    .where(eq(referenceDocuments.kind, ENTITLEMENT_RULES_KIND))
    .orderBy(asc(referenceDocuments.createdAt), asc(referenceDocuments.id));
  const byKey = new Map(shippedRules().map((s) => [`${s.id}@${s.version}`, s]));
  for (const row of rows) {
    const parsed = parseEntitlementRuleSet(row.content);
    if (parsed.ok) byKey.set(`${parsed.value.id}@${parsed.value.version}`, parsed.value);
  }
  return [...byKey.values()];
}

/** Validates (cooperation as a condition first: entitlement-rules.ts) and records a version, in `tx`. */
export async function recordEntitlementRules(tx: DbOrTx, json: unknown, createdBy: string): Promise<EntitlementRuleSet> {
  const parsed = parseEntitlementRuleSet(json);
  if (!parsed.ok) throw new DomainError('validation_failed', parsed.issues);
  const set = parsed.value;
  await tx
    .insert(referenceDocuments)
    .values({ kind: ENTITLEMENT_RULES_KIND, docId: set.id, version: set.version, verification: set.verification, content: set, createdBy });
  return set;
}
