import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { addCalendarMonths, fromDayNumber, kazakhstanDate, toDayNumber } from '@qorgau/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rotateKeys } from '../src/crypto/rotate-keys.ts';
import { entitlementActions, entitlements, notifications } from '../src/db/schema.ts';
import { loadShippedEntitlementRules } from '../src/modules/entitlements/entitlement-rules.store.ts';
import { entitlementReminders } from '../src/modules/entitlements/entitlement-reminders.ts';
import { entitlementsForSheet, recordProceedings } from '../src/modules/entitlements/entitlements.service.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

type View = { kind: string; state: string; start: string | null; end: string | null; free: boolean; paidBy: string | null; allowedActions: string[] };

describeEachDb('entitlements', (kind) => {
  let t: TestApp;
  let officer: Session;
  let clock = new Date('2026-03-10T06:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind);
    t.deps.now = () => clock;
    officer = await t.as('identification_officer', { regions: ['KZ-75'] });
  });
  afterAll(() => t.close());

  const today = () => kazakhstanDate(clock);
  /** A person, her case, and the decision that identifies her (on `occurredOn` when entered late). */
  const identified = async (citizenship: string, occurredOn?: string) => {
    const personId = (await officer.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ citizenship }) })).json().id as string;
    const caseId = (
      await officer.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { clientId: randomUUID(), personId, regionCode: 'KZ-75', exploitationTypes: ['ForcedLabour'], narrative: 'Met on a farm' },
      })
    ).json().id as string;
    const pending = await read(officer, personId);
    const decided = await officer.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/actions`,
      payload: {
        clientId: randomUUID(),
        action: {
          type: 'identification_decided',
          outcome: 'ActualVictimOfTrafficking',
          reasons: 'Interview and assessment',
          ...(occurredOn ? { occurredOn } : {}),
        },
      },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    return { personId, caseId, pending };
  };
  const read = async (s: Session, personId: string) => {
    const res = await s.inject({ method: 'GET', url: `/api/v1/persons/${personId}/entitlements` });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: View[]; rulesVersion: string };
  };
  const item = (v: { items: View[] }, k: string) => v.items.find((i) => i.kind === k) as View;
  const actOn = (s: Session, personId: string, k: string, body: object) =>
    s.inject({ method: 'POST', url: `/api/v1/persons/${personId}/entitlements/${k}/actions`, payload: { clientId: randomUUID(), ...body } });
  const rows = (personId: string) => t.deps.db.select().from(entitlements).where(eq(entitlements.personId, personId));

  it('a foreign victim: pending until identified, then six months of reflection and residency, medical care not free', async () => {
    const { personId, pending } = await identified('UZ');
    expect(item(pending, 'reflection_period').state).toBe('pending');
    const v = await read(officer, personId);
    const end = addCalendarMonths(today(), 6);
    expect(item(v, 'reflection_period')).toMatchObject({ state: 'active', start: today(), end, allowedActions: ['record_extension'] });
    expect(item(v, 'temporary_residency')).toMatchObject({ state: 'active', end });
    expect(item(v, 'medical')).toMatchObject({ free: false, paidBy: null, allowedActions: ['record_medical_payer'] });
    expect(item(v, 'legal')).toMatchObject({ state: 'active', free: true, end: null, allowedActions: [] });
    // The table follows the identification, in the decision's transaction.
    const stored = await rows(personId);
    expect(stored).toHaveLength(9);
    expect(stored.find((r) => r.kind === 'reflection_period')).toMatchObject({ state: 'active', startsOn: today(), endsOn: end, rulesVersion: '2022.1' });
    // The rights sheet reads the same.
    const sheet = await entitlementsForSheet(t.deps.db, t.deps, personId);
    expect(sheet?.citizen).toBe(false);
    expect(sheet?.items.find((e) => e.kind === 'reflection_period')?.end).toBe(end);
  });

  it('a decision entered late starts the clocks on the day it was taken, as the statistics count it', async () => {
    const takenOn = fromDayNumber(toDayNumber(today()) - 20);
    const { personId } = await identified('UZ', takenOn);
    const end = addCalendarMonths(takenOn, 6);
    expect(item(await read(officer, personId), 'reflection_period')).toMatchObject({ state: 'active', start: takenOn, end });
    expect((await rows(personId)).find((r) => r.kind === 'temporary_residency')).toMatchObject({ startsOn: takenOn, endsOn: end });
  });

  it('a citizen: the six free services, no reflection period or residency', async () => {
    const { personId } = await identified('KZ');
    const v = await read(officer, personId);
    for (const k of ['medical', 'educational', 'employment', 'financial', 'psychological', 'legal'])
      expect(item(v, k)).toMatchObject({ state: 'active', free: true });
    expect(item(v, 'reflection_period').state).toBe('not_applicable');
    expect((await rows(personId)).map((r) => r.kind)).not.toContain('reflection_period');
  });

  it('records who pays for medical care, once per client id', async () => {
    const { personId } = await identified('TJ');
    const clientId = randomUUID();
    const body = { clientId, type: 'record_medical_payer', payer: 'ngo', note: 'IOM project covers the clinic' };
    const first = await officer.inject({ method: 'POST', url: `/api/v1/persons/${personId}/entitlements/medical/actions`, payload: body });
    expect(first.statusCode).toBe(200);
    expect(item(first.json(), 'medical').paidBy).toBe('ngo');
    const replay = await officer.inject({ method: 'POST', url: `/api/v1/persons/${personId}/entitlements/medical/actions`, payload: body });
    expect(replay.statusCode).toBe(200);
    expect(await t.deps.db.select().from(entitlementActions).where(eq(entitlementActions.personId, personId))).toHaveLength(1);
    expect((await rows(personId)).find((r) => r.kind === 'medical')?.paidBy).toBe('ngo');
    // Not an action for a free entitlement.
    expect((await actOn(officer, personId, 'legal', { type: 'record_medical_payer', payer: 'ngo' })).statusCode).toBe(409);
  });

  it('refuses to record cooperation with law enforcement as a condition, with a field-level message', async () => {
    const { personId } = await identified('KG');
    for (const body of [
      { type: 'record_extension', reason: 'proceedings_open', conditionalOnCooperation: true },
      { type: 'record_condition', condition: 'cooperation_with_police' },
      { type: 'record_extension', reason: 'cooperation_with_investigation' },
    ]) {
      const res = await actOn(officer, personId, 'reflection_period', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].code).toBe('entitlement_cooperation_condition');
      // Translated (Kazakh by default), not the code.
      expect(res.json().error.fields[0].message).toMatch(/ынтымақтас/);
    }
    expect(await t.deps.db.select().from(entitlementActions).where(eq(entitlementActions.personId, personId))).toHaveLength(0);
  });

  it('extends the reflection period while proceedings are open, and ends it on the final judgement', async () => {
    const { personId } = await identified('UZ');
    const extended = await actOn(officer, personId, 'reflection_period', { type: 'record_extension', reason: 'proceedings_open' });
    expect(extended.statusCode).toBe(200);
    expect(item(extended.json(), 'reflection_period')).toMatchObject({ state: 'active', end: null });
    const finalOn = fromDayNumber(toDayNumber(today()) + 300);
    await t.deps.db.transaction((tx) => recordProceedings(tx, t.deps, personId, { open: false, finalOn }));
    expect(item(await read(officer, personId), 'reflection_period').end).toBe(finalOn);
    expect((await rows(personId)).find((r) => r.kind === 'temporary_residency')?.endsOn).toBe(finalOn);
    // An extension to an earlier date than the current end is refused.
    const earlier = await actOn(officer, personId, 'reflection_period', { type: 'record_extension', reason: 'court_order', until: today() });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().error.fields[0]).toMatchObject({ path: 'until', code: 'entitlement_extension_not_later' });
  });

  it('reminds the holding unit 30, 7 and 1 days before the end, once each; lapsing shows in the work queue', async () => {
    const start = clock;
    // Identified a day before the other tests' foreign victims: her clocks lapse first, so she heads
    // the lapsing queue (five items; theirs would otherwise tie with hers on the same end date).
    clock = new Date(start.getTime() - 86_400_000);
    const { personId } = await identified('AF');
    const end = addCalendarMonths(kazakhstanDate(clock), 6);
    const at = (daysBefore: number) => new Date(`${fromDayNumber(toDayNumber(end) - daysBefore)}T06:00:00Z`);
    const mine = () =>
      t.deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, officer.user.id), eq(notifications.subjectId, personId)));
    try {
      clock = at(31);
      await entitlementReminders(t.deps);
      expect(await mine()).toHaveLength(0);
      clock = at(30);
      await entitlementReminders(t.deps);
      await entitlementReminders(t.deps);
      // Reflection period and residency: one notice each for the 30-day step.
      expect((await mine()).map((n) => n.dedupeKey).sort()).toEqual([
        `entitlement_lapsing:${personId}:reflection_period:${end}:30`,
        `entitlement_lapsing:${personId}:temporary_residency:${end}:30`,
      ]);
      expect((await rows(personId)).find((r) => r.kind === 'reflection_period')?.state).toBe('lapsing');
      const workRes = await officer.inject({ method: 'GET', url: '/api/v1/work' });
      const work = workRes.json() as { queues: { id: string; items: { href: string }[] }[] };
      expect(work.queues.find((q) => q.id === 'entitlements_lapsing')?.items.map((i) => i.href)).toContain(`/persons/${personId}`);
      clock = at(7);
      await entitlementReminders(t.deps);
      clock = at(1);
      await entitlementReminders(t.deps);
      expect((await mine()).filter((n) => n.dedupeKey.includes(':reflection_period:')).map((n) => n.dedupeKey.split(':').at(-1))).toEqual(['30', '7', '1']);
      clock = at(-1);
      await entitlementReminders(t.deps);
      expect((await rows(personId)).find((r) => r.kind === 'reflection_period')?.state).toBe('lapsed');
      expect(await mine()).toHaveLength(6);
    } finally {
      clock = start;
    }
  });

  it('a new rule version with a later effective date changes the outcome for persons identified from that date', async () => {
    const admin = await t.as('administrator');
    const [shipped] = loadShippedEntitlementRules();
    const from = fromDayNumber(toDayNumber(today()) + 10);
    const next = {
      ...shipped,
      version: '2026.test',
      effectiveFrom: from,
      rules: shipped?.rules.map((r) => (r.kind === 'reflection_period' ? { ...r, duration: { type: 'months', months: 12 } } : r)),
    };
    const before = await identified('UZ');
    const up = await admin.inject({ method: 'POST', url: '/api/v1/reference/entitlement-rules', payload: next });
    expect(up.statusCode).toBe(200);
    expect(up.json().items.map((i: { version: string }) => i.version)).toEqual(['2022.1', '2026.test']);
    const start = clock;
    try {
      clock = new Date(`${from}T06:00:00Z`);
      const after = await identified('UZ');
      const v = await read(officer, after.personId);
      expect(v.rulesVersion).toBe('2026.test');
      expect(item(v, 'reflection_period').end).toBe(addCalendarMonths(from, 12));
      expect(item(await read(officer, before.personId), 'reflection_period').end).toBe(addCalendarMonths(kazakhstanDate(start), 6));
    } finally {
      clock = start;
    }
    // A version that makes anything depend on cooperation is refused, field by field.
    const coop = { ...next, version: '2026.coop', rules: next.rules?.map((r, i) => (i === 0 ? { ...r, requiresCooperation: true } : r)) };
    const refused = await admin.inject({ method: 'POST', url: '/api/v1/reference/entitlement-rules', payload: coop });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'rules.0.requiresCooperation', code: 'entitlement_cooperation_condition' })]);
  });

  it('scope: another region sees nothing; a prosecutor reads but may not act', async () => {
    const { personId } = await identified('UZ');
    const elsewhere = await t.as('case_worker', { regions: ['KZ-11'] });
    expect((await elsewhere.inject({ method: 'GET', url: `/api/v1/persons/${personId}/entitlements` })).statusCode).toBe(404);
    expect((await actOn(elsewhere, personId, 'medical', { type: 'record_medical_payer', payer: 'ngo' })).statusCode).toBe(404);
    const prosecutor = await t.as('prosecutor', { regions: ['KZ-75'] });
    expect(item(await read(prosecutor, personId), 'medical').allowedActions).toEqual([]);
    expect((await actOn(prosecutor, personId, 'medical', { type: 'record_medical_payer', payer: 'ngo' })).statusCode).toBe(403);
  });

  // Last: the rotation leaves this app's in-memory keyring behind.
  it('key rotation re-encrypts the notes recorded on entitlements (the app role may update them, never delete)', async () => {
    const notes = async () => (await t.deps.db.select({ note: entitlementActions.noteEnc }).from(entitlementActions)).map((r) => r.note).filter(Boolean);
    const before = await notes();
    expect(before.length).toBeGreaterThan(0);
    await rotateKeys(t.deps.db, t.config.keyFile);
    const after = await notes();
    expect(after.every((n) => !before.includes(n))).toBe(true);
  });
});
