import { asc, eq } from 'drizzle-orm';
import type { Agency } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { agencies } from '../../db/schema.ts';
import { agencyNameOf } from './agency-name.ts';

export const agencyView = (a: typeof agencies.$inferSelect): Agency => ({
  id: a.id,
  name: agencyNameOf(a),
  type: a.type as Agency['type'],
  regionCode: a.regionCode as Agency['regionCode'],
  disabled: a.disabled,
});

/** In Kazakh alphabetical order (the default language); the web sorts again by the reader's. */
export async function listAgencies(db: DbOrTx, opts: { includeDisabled: boolean }): Promise<Agency[]> {
  const rows = await db
    .select()
    .from(agencies)
    .where(opts.includeDisabled ? undefined : eq(agencies.disabled, false))
    .orderBy(asc(agencies.nameKk), asc(agencies.id));
  return rows.map(agencyView);
}

export async function getAgency(db: DbOrTx, id: string): Promise<Agency | null> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row ? agencyView(row) : null;
}

export async function insertAgency(db: DbOrTx, values: typeof agencies.$inferInsert): Promise<void> {
  await db.insert(agencies).values(values);
}

export async function patchAgency(db: DbOrTx, id: string, patch: Partial<typeof agencies.$inferInsert>): Promise<void> {
  await db.update(agencies).set(patch).where(eq(agencies.id, id));
}
