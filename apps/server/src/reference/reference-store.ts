import { asc, count, max } from 'drizzle-orm';
import {
  checkReferenceSet,
  DomainError,
  parseIndicatorList,
  parseReferralRules,
  type ReferralRulesDocument,
  parseRuleConfig,
  parseWorkingCalendar,
  type IndicatorList,
  type RuleConfig,
  type ScreeningReference,
  type Verification,
  type WorkingCalendar,
} from '@qorgau/core';
import type { Db, DbOrTx } from '../db/client.ts';
import { referenceDocuments } from '../db/schema.ts';
import { loadWorkingCalendar } from './screening-reference.ts';
import { loadReferralRules, REFERRAL_RULES_KIND } from './referral-rules.ts';

export type ReferenceKind = 'indicator_list' | 'rules';
/** The working calendar's rows in reference_documents. */
export const CALENDAR_KIND = 'working_calendar';

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
  /**
   * The working calendar in force for deadlines: the shipped file, or the newest uploaded
   * version. Inside a transaction pass it (`q`): PGlite's one connection is held by it.
   */
  calendar(q?: DbOrTx): Promise<WorkingCalendar>;
  /** Records a new version of the working calendar (already validated by its schema), in `tx`. */
  replaceCalendar(tx: DbOrTx, calendar: WorkingCalendar, createdBy: string): Promise<void>;
  /** The referral placement rules in force (issue #10): the shipped file, or the newest uploaded version. */
  referralRules(q?: DbOrTx): Promise<ReferralRulesDocument>;
  /** Records a new version of the placement rules (already parsed), in `tx`. */
  replaceReferralRules(tx: DbOrTx, rules: ReferralRulesDocument, createdBy: string): Promise<void>;
}

function applyOverrides(base: ScreeningReference, rows: (typeof referenceDocuments.$inferSelect)[]): ScreeningReference {
  const lists = new Map(base.lists.map((l) => [l.id, l]));
  let rules = base.rules;
  for (const row of rows) {
    if (row.kind === CALENDAR_KIND || row.kind === REFERRAL_RULES_KIND) continue;
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

/** The newest uploaded calendar that still parses, else the shipped one. */
function calendarOf(base: WorkingCalendar, rows: (typeof referenceDocuments.$inferSelect)[]): WorkingCalendar {
  let calendar = base;
  for (const row of rows) {
    if (row.kind !== CALENDAR_KIND) continue;
    const parsed = parseWorkingCalendar(row.content);
    if (parsed.ok) calendar = parsed.value;
  }
  return calendar;
}

/** The newest uploaded placement rules that still parse, else the shipped ones. */
function referralRulesOf(base: ReferralRulesDocument, rows: (typeof referenceDocuments.$inferSelect)[]): ReferralRulesDocument {
  let doc = base;
  for (const row of rows) {
    if (row.kind !== REFERRAL_RULES_KIND) continue;
    const parsed = parseReferralRules(row.content);
    if (parsed.ok) doc = parsed.value;
  }
  return doc;
}

const STAMP_TTL_MS = 5_000;

export function createReferenceStore(
  db: Db,
  base: ScreeningReference,
  baseCalendar: WorkingCalendar = loadWorkingCalendar(),
  baseReferralRules: ReferralRulesDocument = loadReferralRules(),
): ReferenceStore {
  let cache: { stamp: string; checkedAt: number; reference: ScreeningReference; calendar: WorkingCalendar; referralRules: ReferralRulesDocument } | null = null;
  // After this process writes, every read checks the stamp again for a while: the write's
  // transaction commits after replace() returns, and its change must show on the next read.
  let stampEveryReadUntil = 0;
  const wrote = () => {
    stampEveryReadUntil = performance.now() + 30_000;
  };
  const loadAll = async (q: DbOrTx, fresh = false) => {
    // Why a short freshness window: every case read needs the calendar, and a stamp query per
    // read cost a database round trip on the hottest path. Uploads are rare; this process's
    // own uploads clear the cache at once, another process's reach it within STAMP_TTL_MS.
    const t = performance.now();
    if (!fresh && cache && t >= stampEveryReadUntil && t - cache.checkedAt < STAMP_TTL_MS) return cache;
    const [s] = await q.select({ n: count(), last: max(referenceDocuments.createdAt) }).from(referenceDocuments);
    const stamp = `${s?.n ?? 0}:${s?.last ? new Date(s.last).toISOString() : ''}`;
    if (cache?.stamp === stamp) {
      cache.checkedAt = performance.now();
      return cache;
    }
    const rows = await q.select().from(referenceDocuments).orderBy(asc(referenceDocuments.createdAt), asc(referenceDocuments.id));
    cache = {
      stamp,
      checkedAt: performance.now(),
      reference: applyOverrides(base, rows),
      calendar: calendarOf(baseCalendar, rows),
      referralRules: referralRulesOf(baseReferralRules, rows),
    };
    return cache;
  };
  return {
    current: async () => (await loadAll(db)).reference,
    calendar: async (q = db) => (await loadAll(q)).calendar,
    referralRules: async (q = db) => (await loadAll(q)).referralRules,
    async replaceReferralRules(tx, rules, createdBy) {
      await tx
        .insert(referenceDocuments)
        .values({ kind: REFERRAL_RULES_KIND, docId: rules.id, version: String(rules.version), verification: rules.verification, content: rules, createdBy });
      wrote();
    },
    async replaceCalendar(tx, calendar, createdBy) {
      // Provisional entries (an expected Kurban Ait date, a transfer not yet checked against the
      // decree) make the whole version provisional, as the indicator lists' verification does.
      const provisional = calendar.datedHolidays.some((h) => h.provisional) || calendar.transfers.some((t) => t.provisional);
      await tx.insert(referenceDocuments).values({
        kind: CALENDAR_KIND,
        docId: calendar.id,
        version: calendar.version,
        verification: provisional ? 'provisional' : 'verified',
        content: calendar,
        createdBy,
      });
      wrote();
    },
    async replace(tx, kind, content, createdBy) {
      // Checked against the set in the database now, not a cached one another process has replaced.
      const { reference: now } = await loadAll(tx, true);
      const next: ScreeningReference =
        kind === 'rules'
          ? { lists: now.lists, rules: content as RuleConfig }
          : { lists: [...now.lists.filter((l) => l.id !== (content as IndicatorList).id), content as IndicatorList], rules: now.rules };
      const issues = checkReferenceSet(next.lists, next.rules);
      if (issues.length) throw new DomainError('validation_failed', issues);
      await tx.insert(referenceDocuments).values({ kind, docId: content.id, version: content.version, verification: content.verification, content, createdBy });
      wrote();
    },
  };
}
