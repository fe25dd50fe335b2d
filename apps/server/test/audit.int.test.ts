import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendAudit } from '../src/audit/audit.repository.ts';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { pgErrorCode } from '../src/db/errors.ts';
import { auditLog } from '../src/db/schema.ts';
import { createTestApp, personBody, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('audit log', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  /** Acts as the database owner for one transaction: what an attacker with DBA rights could do. */
  const asOwner = (stmt: ReturnType<typeof sql>) =>
    t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`RESET ROLE`);
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(stmt);
      await tx.execute(sql`SET ROLE qorgau_app`);
    });

  it('many concurrent writers keep every lane of the chain intact', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => t.deps.db.transaction((tx) => appendAudit(tx, { actor: null, ip: '127.0.0.1' }, { operation: 'audit.read', details: { i } }))),
    );
    const result = await verifyAuditChain(t.deps.db);
    expect(result).toMatchObject({ ok: true });
    expect(result.entries).toBeGreaterThanOrEqual(40);
  });

  it('an entry rolled back with its transaction leaves no trace and no gap', async () => {
    await expect(
      t.deps.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: null, ip: null }, { operation: 'audit.read', details: { doomed: true } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('the application role cannot change or delete audit entries', async () => {
    const s = await t.as('case_worker');
    await s.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() });
    const update = t.deps.db.update(auditLog).set({ outcome: 'failed' });
    await expect(update).rejects.toSatisfy((e) => pgErrorCode(e) === '42501');
    await expect(t.deps.db.delete(auditLog)).rejects.toSatisfy((e) => pgErrorCode(e) === '42501');
  });

  it('verification names the first tampered entry', async () => {
    const s = await t.as('case_worker');
    for (let i = 0; i < 5; i++) await s.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() });
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    const [victim] = await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).offset(3);
    await asOwner(sql`UPDATE audit_log SET actor_username = 'someone-else' WHERE id = ${victim?.id}`);
    const result = await verifyAuditChain(t.deps.db);
    expect(result).toMatchObject({ ok: false, firstBrokenId: victim?.id, reason: 'content does not match its hash' });
    // Undo, then delete an entry instead: the gap is found.
    await asOwner(sql`UPDATE audit_log SET actor_username = ${victim?.actorUsername} WHERE id = ${victim?.id}`);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    await asOwner(sql`DELETE FROM audit_log WHERE id = ${victim?.id}`);
    const afterDelete = await verifyAuditChain(t.deps.db);
    expect(afterDelete.ok).toBe(false);
  });

  it('administrators browse and filter the audit log; the browsing is audited', async () => {
    const admin = await t.as('administrator', { regions: 'national' });
    const res = await admin.inject({ method: 'GET', url: '/api/v1/audit?operation=person.created&pageSize=5' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.every((e: { operation: string }) => e.operation === 'person.created')).toBe(true);
    const [mine] = await t.deps.db.select().from(auditLog).where(eq(auditLog.actorId, admin.user.id)).orderBy(desc(auditLog.id)).limit(1);
    expect(mine?.operation).toBe('audit.read');
    const worker = await t.as('case_worker');
    expect((await worker.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
  });
});
