import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { KeyFileError, newAuditKeys } from '../crypto/keyring.ts';
import { checkLink, GENESIS_MAC, linkEntries, type ChainedEntry, type ChainLink } from './audit-chain.ts';
import { CheckpointError, openCheckpoint, signCheckpoint } from './audit-checkpoint.ts';
import { auditKeysFrom } from './audit-keys.ts';

const key = randomBytes(32);

/** The first position where `links` over `entries` fails, or null: what verify does, without a database. */
function firstBroken(k: Buffer, links: ChainLink[], entries: Map<number, ChainedEntry>): number | null {
  let expected = { seq: 1, prevMac: GENESIS_MAC };
  for (const l of links) {
    if (checkLink(k, expected, l, entries.get(l.entryId) ?? null)) return expected.seq;
    expected = { seq: l.seq + 1, prevMac: l.mac };
  }
  return null;
}

const entryArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
    operation: fc.constantFrom('case.read', 'person.created', 'access.denied'),
    outcome: fc.constantFrom('success', 'denied', 'failed'),
    actorId: fc.option(fc.uuid(), { nil: null }),
    actorUsername: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
    actorRole: fc.option(fc.constantFrom('case_worker', 'administrator'), { nil: null }),
    agencyId: fc.option(fc.uuid(), { nil: null }),
    recordType: fc.option(fc.constantFrom('case', 'person'), { nil: null }),
    recordId: fc.option(fc.uuid(), { nil: null }),
    ip: fc.option(fc.ipV4(), { nil: null }),
    details: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.boolean())),
  });

const entriesArb = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entryArb(i + 1))));

const FIELDS = ['at', 'operation', 'outcome', 'actorId', 'actorUsername', 'actorRole', 'agencyId', 'recordType', 'recordId', 'ip', 'details'] as const;

function edited(e: ChainedEntry, field: (typeof FIELDS)[number], salt: string): ChainedEntry {
  switch (field) {
    case 'at':
      return { ...e, at: new Date(e.at.getTime() + 1) };
    case 'details':
      return { ...e, details: { ...e.details, [`x${salt}`]: 1 } };
    default: {
      const v = e[field];
      return { ...e, [field]: v === null ? salt : `${v}${salt}` };
    }
  }
}

describe('keyed audit chain', () => {
  it('an intact chain verifies', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const links = linkEntries(key, { seq: 0, mac: GENESIS_MAC }, entries);
        expect(firstBroken(key, links, new Map(entries.map((e) => [e.id, e])))).toBeNull();
      }),
    );
  });

  it('any single-field edit of any entry is found at that entry', () => {
    fc.assert(
      fc.property(entriesArb, fc.nat(), fc.constantFrom(...FIELDS), fc.string({ minLength: 1, maxLength: 4 }), (entries, pick, field, salt) => {
        const links = linkEntries(key, { seq: 0, mac: GENESIS_MAC }, entries);
        const i = pick % entries.length;
        const victim = entries[i] as ChainedEntry;
        const stored = new Map<number, ChainedEntry>(entries.map((e) => [e.id, e]));
        stored.set(victim.id, edited(victim, field, salt));
        expect(firstBroken(key, links, stored)).toBe(i + 1);
      }),
    );
  });

  it('a removed entry, a removed link and a swapped pair of entries are found', () => {
    fc.assert(
      fc.property(
        entriesArb.filter((e) => e.length >= 3),
        fc.nat(),
        (entries, pick) => {
          const links = linkEntries(key, { seq: 0, mac: GENESIS_MAC }, entries);
          const stored = new Map(entries.map((e) => [e.id, e]));
          const i = pick % (entries.length - 1);
          const without = new Map(stored);
          without.delete((entries[i] as ChainedEntry).id);
          expect(firstBroken(key, links, without)).toBe(i + 1);
          expect(
            firstBroken(
              key,
              links.filter((_, j) => j !== i),
              stored,
            ),
          ).toBe(i + 1);
          const swapped = links.map((l, j) =>
            j === i ? { ...l, entryId: (links[i + 1] as ChainLink).entryId } : j === i + 1 ? { ...l, entryId: (links[i] as ChainLink).entryId } : l,
          );
          expect(firstBroken(key, swapped, stored)).toBe(i + 1);
        },
      ),
    );
  });

  it('a chain recomputed without the key (another key) does not verify under the key', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const forged = linkEntries(randomBytes(32), { seq: 0, mac: GENESIS_MAC }, entries);
        expect(firstBroken(key, forged, new Map(entries.map((e) => [e.id, e])))).toBe(1);
      }),
    );
  });
});

describe('signed checkpoints', () => {
  const keys = auditKeysFrom({ version: 1, active: 'k1', dataKeys: {}, indexKey: randomBytes(32).toString('base64'), audit: newAuditKeys() });

  it('a checkpoint opens with the public key and states the head', () => {
    const cp = signCheckpoint(keys, { seq: 48_213, mac: 'a'.repeat(64) }, new Date('2026-12-06T10:00:00Z'));
    expect(openCheckpoint(cp, keys.publicKey)).toEqual({
      format: 'qorgau-audit-checkpoint/1',
      seq: 48_213,
      mac: 'a'.repeat(64),
      at: '2026-12-06T10:00:00.000Z',
      entries: 48_213,
    });
    expect(cp.keyId).toBe(keys.keyId);
  });

  it('a changed statement, a foreign key or a damaged file is rejected', () => {
    const cp = signCheckpoint(keys, { seq: 10, mac: 'b'.repeat(64) }, new Date());
    const moved = { ...cp, statement: cp.statement.replace('"seq":10', '"seq":9') };
    expect(() => openCheckpoint(moved, keys.publicKey)).toThrow(CheckpointError);
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(() => openCheckpoint(cp, other)).toThrow(/signature/);
    expect(() => openCheckpoint({ statement: 'x' }, keys.publicKey)).toThrow(/not a Qorgau/);
  });

  it('a damaged or foreign signing key in the key file is a key file error, not a crash', () => {
    const file = { version: 1, active: 'k1', dataKeys: {}, indexKey: randomBytes(32).toString('base64') } as const;
    const damaged = { ...newAuditKeys(), signingKey: randomBytes(40).toString('base64') };
    expect(() => auditKeysFrom({ ...file, audit: damaged })).toThrow(KeyFileError);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(() => auditKeysFrom({ ...file, audit: { ...damaged, signingKey: rsa } })).toThrow(/not an Ed25519 key/);
  });
});

describe('checkpoint settings', () => {
  it('default to hourly into the data directory, and reject nonsense', () => {
    const c = loadConfig({ QORGAU_DATA_DIR: '/srv/q' });
    expect(c.auditCheckpoint).toEqual({ minutes: 60, dir: '/srv/q/audit-checkpoints' });
    expect(loadConfig({ QORGAU_AUDIT_CHECKPOINT_MINUTES: '0', QORGAU_AUDIT_CHECKPOINT_DIR: '/worm/q' }).auditCheckpoint).toEqual({
      minutes: 0,
      dir: '/worm/q',
    });
    for (const bad of ['-1', 'soon', '1.5', String(8 * 24 * 60)]) {
      expect(() => loadConfig({ QORGAU_AUDIT_CHECKPOINT_MINUTES: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ QORGAU_AUDIT_CHECKPOINT_DIR: '' })).toThrow(/QORGAU_AUDIT_CHECKPOINT_DIR/);
  });
});
