import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';

/** The record kinds whose ids the audit page resolves to a reference, and the table each lives in. */
export const RESOLVABLE = ['case', 'person', 'screening', 'self_report', 'user', 'agency', 'grant', 'provider', 'protection_case'] as const;
export type Resolvable = (typeof RESOLVABLE)[number];

/** What the page may show of a record, and the facts that decide whether the reader may open it. */
export interface RefRow {
  type: Resolvable;
  id: string;
  /** A reference number, a pseudonym, a user's display name or a grant's account name; never a victim's name. */
  reference: string | null;
  names: { kk: string; ru: string; en: string } | null;
  createdBy: string | null;
  ownerAgencyId: string | null;
  regionCode: string | null;
  creatorAccessEnded: boolean;
  assignedUserIds: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ids = (list: Iterable<string>) => {
  const valid = [...new Set([...list].filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  return sql`ARRAY[${sql.join(
    valid.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
};

/** One SELECT per kind, all of one shape: type, id, reference, names, and the access facts. */
const SELECTS: Record<Resolvable, (wanted: SQL) => SQL> = {
  case: (w) => sql`SELECT 'case' AS type, c.id::text AS id, c.reference AS reference, NULL AS name_kk, NULL AS name_ru, NULL AS name_en,
      c.created_by::text AS created_by, c.owner_agency_id::text AS owner_agency_id, c.region_code AS region_code, c.creator_access_ended AS ended,
      ARRAY(SELECT ca.user_id::text FROM case_assignments ca WHERE ca.case_id = c.id) AS assigned
    FROM cases c WHERE c.id = ANY(${w})`,
  // A person is named by pseudonym, never by name; assignment to any of her cases counts, as in the person scope.
  person: (w) => sql`SELECT 'person', p.id::text, p.pseudonym, NULL, NULL, NULL,
      p.created_by::text, p.owner_agency_id::text, p.region_code, p.creator_access_ended,
      ARRAY(SELECT ca.user_id::text FROM cases c2 JOIN case_assignments ca ON ca.case_id = c2.id WHERE c2.person_id = p.id)
    FROM persons p WHERE p.id = ANY(${w})`,
  screening: (w) => sql`SELECT 'screening', s.id::text, s.reference, NULL, NULL, NULL,
      s.screener_id::text, s.agency_id::text, s.region_code, s.handed_over_at IS NOT NULL, ARRAY[]::text[]
    FROM screenings s WHERE s.id = ANY(${w})`,
  self_report: (w) => sql`SELECT 'self_report', r.id::text, r.reference, NULL, NULL, NULL, NULL, NULL, r.region_code, false, ARRAY[]::text[]
    FROM self_reports r WHERE r.id = ANY(${w})`,
  user: (w) => sql`SELECT 'user', u.id::text, u.display_name, NULL, NULL, NULL, NULL, u.agency_id::text, NULL, false, ARRAY[]::text[]
    FROM users u WHERE u.id = ANY(${w})`,
  agency: (w) => sql`SELECT 'agency', a.id::text, NULL, a.name_kk, a.name_ru, a.name_en, NULL, NULL, a.region_code, false, ARRAY[]::text[]
    FROM agencies a WHERE a.id = ANY(${w})`,
  // A provider (issue #10) is an organisation: named like an agency.
  provider: (w) => sql`SELECT 'provider', p.id::text, NULL, p.name_kk, p.name_ru, p.name_en, NULL, p.agency_id::text, p.region_code, false, ARRAY[]::text[]
    FROM providers p WHERE p.id = ANY(${w})`,
  // A protection case (issue #10) by its reference; its owner is the provider's agency.
  protection_case: (w) => sql`SELECT 'protection_case', pc.id::text, pc.reference, NULL, NULL, NULL,
      pc.opened_by::text, pc.agency_id::text, pc.region_code, false, ARRAY[]::text[]
    FROM protection_cases pc WHERE pc.id = ANY(${w})`,
  // A grant is named by the account it is for.
  grant: (w) => sql`SELECT 'grant', g.id::text, gu.display_name, NULL, NULL, NULL, NULL, NULL, NULL, false, ARRAY[]::text[]
    FROM access_grants g JOIN users gu ON gu.id = g.user_id WHERE g.id = ANY(${w})`,
};

/**
 * Resolves every record a page of entries names in ONE statement (a UNION ALL of one SELECT per
 * kind named), whatever the page size: never a query per entry. Ids that are not UUIDs are skipped.
 */
export async function resolveRefs(db: DbOrTx, wanted: Map<Resolvable, Set<string>>): Promise<Map<string, RefRow>> {
  const parts = [...wanted].filter(([, set]) => [...set].some((id) => UUID.test(id))).map(([type, set]) => SELECTS[type](ids(set)));
  const out = new Map<string, RefRow>();
  if (parts.length === 0) return out;
  const rows = rowsOf<{
    type: Resolvable;
    id: string;
    reference: string | null;
    name_kk: string | null;
    name_ru: string | null;
    name_en: string | null;
    created_by: string | null;
    owner_agency_id: string | null;
    region_code: string | null;
    ended: boolean;
    assigned: string[] | null;
  }>(
    // The column names are given once, for the union: its first SELECT may be of any kind.
    await db.execute(
      sql`SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) AS r(type, id, reference, name_kk, name_ru, name_en, created_by, owner_agency_id, region_code, ended, assigned)`,
    ),
  );
  for (const r of rows) {
    out.set(refKey(r.type, r.id), {
      type: r.type,
      id: r.id,
      reference: r.reference,
      names: r.name_kk !== null && r.name_ru !== null && r.name_en !== null ? { kk: r.name_kk, ru: r.name_ru, en: r.name_en } : null,
      createdBy: r.created_by,
      ownerAgencyId: r.owner_agency_id,
      regionCode: r.region_code,
      creatorAccessEnded: Boolean(r.ended),
      assignedUserIds: r.assigned ?? [],
    });
  }
  return out;
}

export const refKey = (type: string, id: string) => `${type}:${id.toLowerCase()}`;

/**
 * The id of the record a reference names (a case's or a screening's number, a self-report's
 * reference, a person's pseudonym), so that an auditor can filter by what she reads on the page.
 * A reference is not secret (the page shows it); the filter still returns only audit entries.
 */
export async function idOfReference(db: DbOrTx, reference: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id::text AS id FROM cases WHERE reference = ${reference}
      UNION ALL SELECT id::text FROM screenings WHERE reference = ${reference}
      UNION ALL SELECT id::text FROM self_reports WHERE reference = ${reference}
      UNION ALL SELECT id::text FROM persons WHERE pseudonym = ${reference}
      LIMIT 1`),
  );
  return row?.id ?? null;
}
