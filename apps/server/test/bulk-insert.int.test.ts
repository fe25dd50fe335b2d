import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anyOfIds } from '../src/db/any-of.ts';
import { insertMany } from '../src/db/bulk-insert.ts';
import { caseActions, cases, persons } from '../src/db/schema.ts';
import { encryptPerson } from '../src/modules/persons/persons.service.ts';
import { createTestApp, type TestApp, type TestUser } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * The bulk writer of an HTCDS import (db/bulk-insert.ts): rows sent as one JSON parameter must
 * arrive exactly as Drizzle's own insert writes them (arrays, JSON, instants, NULLs), and the
 * planner-statistics refresh (migration 0033) is the application role's for the tables a bulk
 * import writes and for no other.
 */
describeEachDb('bulk insert', (kind) => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    user = await t.createUser({ role: 'case_worker' });
  });
  afterAll(() => t?.close());

  const person = (firstName: string) =>
    encryptPerson(
      t.deps.cipher,
      {
        clientId: randomUUID(),
        firstName,
        secondName: 'Сейтқали',
        middleName: undefined,
        birthdate: '1994-03-08',
        gender: 'Feminine',
        citizenship: 'UZ',
        identityNumber: 'AB123',
        regionCode: 'KZ-75',
      },
      { createdBy: user.id, ownerAgencyId: user.agencyId },
    );

  it('writes persons, cases and actions as the ORM insert does', async () => {
    const at = new Date('2024-05-06T07:08:09.123Z');
    const viaOrm = { ...person('Айгерим'), createdAt: at };
    const viaJson = { ...person('Айгерім'), createdAt: at };
    await t.deps.db.insert(persons).values(viaOrm);
    await insertMany(t.deps.db, persons, [viaJson]);
    const read = await t.deps.db
      .select()
      .from(persons)
      .where(inArray(persons.id, [viaOrm.id as string, viaJson.id as string]));
    const json = read.find((r) => r.id === viaJson.id);
    const orm = read.find((r) => r.id === viaOrm.id);
    expect(json?.linkageKeys).toEqual(viaJson.linkageKeys);
    expect(json?.nameIndex).toEqual(viaJson.nameIndex);
    expect(json?.createdAt.toISOString()).toBe(at.toISOString());
    expect(json?.middleNameEnc).toBeNull();
    expect(t.deps.cipher.decrypt(json?.firstNameEnc as string, `persons.first_name:${viaJson.id}`)).toBe('Айгерім');
    // Everything the two do not differ in by construction is the same.
    const same = (r: typeof json) => ({
      ...r,
      id: undefined,
      clientId: undefined,
      pseudonym: undefined,
      firstNameEnc: undefined,
      secondNameEnc: undefined,
      birthdateEnc: undefined,
      identityNumberEnc: undefined,
      nameIndex: undefined,
      linkageKeys: undefined,
    });
    expect(same(json)).toEqual(same(orm));

    const caseId = randomUUID();
    await insertMany(t.deps.db, cases, [
      {
        id: caseId,
        clientId: randomUUID(),
        reference: `QRG-T-${caseId.slice(0, 6)}`,
        personId: viaJson.id as string,
        regionCode: 'KZ-75',
        exploitationTypes: ['ForcedLabour', 'SexualExploitation'],
        status: 'open',
        traffickingStatus: 'PossibleVictimOfTrafficking',
        createdBy: user.id,
        ownerAgencyId: user.agencyId,
        createdAt: at,
      },
    ]);
    await insertMany(t.deps.db, caseActions, [
      {
        id: randomUUID(),
        clientId: randomUUID(),
        caseId,
        seq: 1,
        type: 'opened',
        details: { htcdsImport: 'x', forms: ['ForcedLabour', 'два'] },
        actorId: user.id,
        agencyId: user.agencyId,
        at,
      },
    ]);
    const [c] = await t.deps.db.select().from(cases).where(eq(cases.id, caseId));
    expect(c?.exploitationTypes).toEqual(['ForcedLabour', 'SexualExploitation']);
    expect(c?.creatorAccessEnded).toBe(false); // the column's default, not given
    const [a] = await t.deps.db.select().from(caseActions).where(eq(caseActions.caseId, caseId));
    expect(a?.details).toEqual({ htcdsImport: 'x', forms: ['ForcedLabour', 'два'] });
    // The occurred-on trigger (migration 0024) ran as on any insert.
    expect(a?.occurredOn).toBe('2024-05-06');
  });

  it('refuses rows that give different columns, and writes none of them', async () => {
    const stored = (id: unknown) =>
      t.deps.db
        .select()
        .from(persons)
        .where(eq(persons.id, id as string));
    const a = person('Мадина');
    const b = { ...person('Мадина'), regionCode: undefined };
    await expect(insertMany(t.deps.db, persons, [a, b as unknown as typeof a])).rejects.toThrow(/different columns \(regionCode\)/);
    expect(await stored(a.id)).toEqual([]);
    // Nor a later row giving a column the first one does not: its value would be lost.
    const c = { ...person('Мадина'), middleNameEnc: undefined };
    const d = person('Мадина');
    await expect(insertMany(t.deps.db, persons, [c as unknown as typeof d, { ...d, middleNameEnc: 'x' }])).rejects.toThrow(
      /different columns \(middleNameEnc\)/,
    );
    expect(await stored(c.id)).toEqual([]);
  });

  it('tens of thousands of ids travel as one array parameter (a statement holds at most 65,535)', async () => {
    const one = person('Жұлдыз');
    await insertMany(t.deps.db, persons, [one]);
    const ids = [...Array.from({ length: 70_000 }, () => randomUUID()), one.id as string];
    const found = await t.deps.db.select({ id: persons.id }).from(persons).where(anyOfIds(persons.id, ids));
    expect(found.map((r) => r.id)).toEqual([one.id]);
  });
});
