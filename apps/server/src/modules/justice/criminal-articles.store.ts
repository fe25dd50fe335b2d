import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { DomainError, parseCriminalArticleSet, type CriminalArticleSet } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { referenceDocuments } from '../../db/schema.ts';
import { DEFAULT_REFERENCE_DIR, ReferenceDataError } from '../../reference/screening-reference.ts';

/** The articles lists' rows in reference_documents (an uploadable kind beside the indicator lists). */
export const CRIMINAL_ARTICLES_KIND = 'criminal_articles';

/**
 * The versions shipped in reference/justice/criminal-code-articles-<version>.json. An invalid
 * file stops the start-up: the articles a case may be registered under are data, not code.
 */
export function loadShippedCriminalArticles(dir: string = DEFAULT_REFERENCE_DIR): CriminalArticleSet[] {
  const folder = join(dir, 'justice');
  return readdirSync(folder)
    .filter((f) => /^criminal-code-articles-.+\.json$/.test(f))
    .sort()
    .map((f) => {
      const parsed = parseCriminalArticleSet(JSON.parse(readFileSync(join(folder, f), 'utf8')));
      if (!parsed.ok) throw new ReferenceDataError(`${f}: ${parsed.issues.map((i) => `${i.path} ${i.code}`).join('; ')}`);
      return parsed.value;
    });
}

let shipped: CriminalArticleSet[] | null = null;
const shippedSets = () => {
  shipped ??= loadShippedCriminalArticles();
  return shipped;
};

/**
 * Every version: the shipped files and the uploaded ones (an upload with the same id and
 * version replaces the shipped one), oldest effective date first. Read in the caller's
 * transaction: a handful of rows, so no cache to go stale between server processes.
 */
export async function criminalArticleSets(q: DbOrTx): Promise<CriminalArticleSet[]> {
  const rows = await q
    .select({ content: referenceDocuments.content })
    .from(referenceDocuments)
    .where(eq(referenceDocuments.kind, CRIMINAL_ARTICLES_KIND))
    .orderBy(asc(referenceDocuments.createdAt), asc(referenceDocuments.id));
  const byKey = new Map(shippedSets().map((s) => [`${s.id}@${s.version}`, s]));
  for (const row of rows) {
    const parsed = parseCriminalArticleSet(row.content);
    if (parsed.ok) byKey.set(`${parsed.value.id}@${parsed.value.version}`, parsed.value);
  }
  return [...byKey.values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/**
 * Records an uploaded version (a national administrator's: an amendment or a renumbering of the
 * Code is a data change). Checked whole by core; a version is provisional while any of its
 * articles is. Cases already registered keep the version they were registered under.
 */
export async function recordCriminalArticles(tx: DbOrTx, json: unknown, createdBy: string): Promise<CriminalArticleSet> {
  const parsed = parseCriminalArticleSet(json);
  if (!parsed.ok) throw new DomainError('validation_failed', parsed.issues);
  const set = parsed.value;
  const verification = set.articles.every((a) => a.verification === 'verified') ? 'verified' : 'provisional';
  await tx.insert(referenceDocuments).values({ kind: CRIMINAL_ARTICLES_KIND, docId: set.id, version: set.version, verification, content: set, createdBy });
  return set;
}
