import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  type CreateProviderBody,
  DomainError,
  type FieldIssue,
  mayManageProvider,
  type Provider,
  type ProviderListQuery,
  type ProviderOccupancyBody,
  providerActionsFor,
  providerIssues,
  roleMayManageProviders,
  type UpdateProviderBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditContext, appendAudit } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, type providers } from '../../db/schema.ts';
import { capacityBoard, getProvider, insertProvider, listProviders, lockProvider, patchProvider, type ProviderRecord } from './providers.repository.ts';

type Insert = typeof providers.$inferInsert;

/** Body fields to columns (a patch sets only what it names). */
function columnsOf(b: UpdateProviderBody): Partial<Insert> {
  const { name, phone, email, address, ...rest } = b;
  return {
    ...rest,
    ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(email !== undefined ? { email } : {}),
    ...(address !== undefined ? { address } : {}),
  };
}

/** The audit details of a change: the fields named, and the numbers of the board (never free text). */
const changeDetails = (b: Record<string, unknown>) => ({
  fields: Object.keys(b).filter((k) => b[k] !== undefined),
  ...(typeof b.capacity === 'number' ? { capacity: b.capacity } : {}),
  ...(typeof b.occupancy === 'number' ? { occupancy: b.occupancy } : {}),
});

async function agencyIssues(db: DbOrTx, agencyId: string): Promise<FieldIssue[]> {
  const [a] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  return a ? [] : [{ path: 'agencyId', code: 'not_found' }];
}

export function createProvidersService({ db, now }: AppDeps) {
  const view = (auth: AuthContext, p: ProviderRecord): Provider => ({ ...p, allowedActions: providerActionsFor(auth.actor, p) });

  async function read(auth: AuthContext, id: string): Promise<Provider> {
    const p = await getProvider(db, id);
    if (!p) throw new DomainError('not_found');
    return view(auth, p);
  }

  /** An update by whoever may take `action` on the entry; anyone else learns nothing ("not found"). */
  async function change(auth: AuthContext, audit: AuditContext, id: string, action: 'update' | 'occupancy', body: UpdateProviderBody): Promise<Provider> {
    await db.transaction(async (tx) => {
      const row = await lockProvider(tx, id);
      if (!row || !mayManageProvider(auth.actor, action, row)) throw new DomainError('not_found');
      const merged = { ...row, ...body } as typeof row & UpdateProviderBody;
      const issues = providerIssues(merged);
      // A manager cannot hand her entry to another agency (only an administrator moves it).
      if (body.agencyId && !mayManageProvider(auth.actor, action, { agencyId: body.agencyId })) issues.push({ path: 'agencyId', code: 'not_your_agency' });
      else if (body.agencyId) issues.push(...(await agencyIssues(tx, body.agencyId)));
      if (issues.length) throw new DomainError('validation_failed', issues);
      await patchProvider(tx, id, { ...columnsOf(body), updatedBy: auth.user.id, updatedAt: now() });
      await appendAudit(tx, audit, { operation: 'provider.updated', recordType: 'provider', recordId: id, details: changeDetails(body) });
    });
    return read(auth, id);
  }

  return {
    async list(auth: AuthContext, q: ProviderListQuery) {
      const { page, pageSize, mine, includeInactive, ...filter } = q;
      const managing = roleMayManageProviders(auth.actor.role, 'update');
      const { items, total } = await listProviders(
        db,
        { ...filter, includeInactive: includeInactive && managing, agencyId: mine ? auth.actor.agencyId : undefined },
        page,
        pageSize,
      );
      return { items: items.map((p) => view(auth, p)), total, page, pageSize };
    },

    read,

    board: () => capacityBoard(db),

    async create(auth: AuthContext, audit: AuditContext, body: CreateProviderBody): Promise<Provider> {
      // The route's permission lets a shelter manager through (her agency scope); adding an entry is the administrator's.
      if (!mayManageProvider(auth.actor, 'create', body)) throw new DomainError('forbidden');
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const issues = await agencyIssues(tx, body.agencyId);
        if (issues.length) throw new DomainError('validation_failed', issues);
        const at = now();
        await insertProvider(tx, { id, ...(columnsOf(body) as Insert), updatedBy: auth.user.id, updatedAt: at, createdAt: at });
        await appendAudit(tx, audit, { operation: 'provider.created', recordType: 'provider', recordId: id, details: changeDetails(body) });
      });
      return read(auth, id);
    },

    update: (auth: AuthContext, audit: AuditContext, id: string, body: UpdateProviderBody) => change(auth, audit, id, 'update', body),

    occupancy: (auth: AuthContext, audit: AuditContext, id: string, body: ProviderOccupancyBody) => change(auth, audit, id, 'occupancy', body),
  };
}
