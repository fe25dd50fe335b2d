import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { type DeviceKey, type DeviceKeyCreated, DomainError, type Role } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditContext, appendAudit } from '../../audit/audit.repository.ts';
import { type AuthContext, jurisdictionOf } from '../../auth/auth.plugin.ts';
import { findDeviceAccount, insertDeviceKey, listDeviceKeys, revokeDeviceKey, touchDeviceKey } from './device-keys.repository.ts';

/** 256 random bits, as text a person can type into a phone's settings once. */
const newKey = () => randomBytes(32).toString('base64url');
/** A key carries 256 random bits: a fast hash is enough (a slow one protects guessable passwords). */
export const deviceKeyHash = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

const view = (r: { id: string; label: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): DeviceKey => ({
  id: r.id,
  label: r.label,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

/**
 * ODK Collect's configuration QR code: the settings JSON, zlib-compressed and base64-encoded, as
 * Collect (and KoboCollect) scan it. Sending finalized forms automatically whenever a network
 * is there is what a team out of coverage for days needs; the form follows the server.
 */
export async function collectQrSvg(serverUrl: string, username: string, key: string): Promise<string> {
  const settings = {
    general: { server_url: serverUrl, username, password: key, autosend: 'wifi_and_cellular', form_update_mode: 'match_exactly' },
    admin: {},
    project: { name: 'Qorgau', icon: 'Q', color: '#0b6e4f' },
  };
  const payload = deflateSync(Buffer.from(JSON.stringify(settings), 'utf8')).toString('base64');
  return QRCode.toString(payload, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** Last use is written at most this often per key: a day of submissions is not a write each. */
const TOUCH_EVERY_MS = 5 * 60_000;

export function createDeviceKeysService(deps: AppDeps) {
  const { db } = deps;
  return {
    async list(auth: AuthContext): Promise<DeviceKey[]> {
      return (await listDeviceKeys(db, auth.user.id)).map(view);
    },

    /** A new key for one of her devices; the key itself is in this answer only. Audited without it. */
    async create(auth: AuthContext, audit: AuditContext, label: string, serverUrl: string): Promise<DeviceKeyCreated> {
      const key = newKey();
      const row = { id: randomUUID(), userId: auth.user.id, label, keyHash: deviceKeyHash(key), createdAt: deps.now(), lastUsedAt: null, revokedAt: null };
      await db.transaction(async (tx) => {
        await insertDeviceKey(tx, row);
        await appendAudit(tx, audit, { operation: 'device_key.created', recordType: 'device_key', recordId: row.id, details: { label } });
      });
      return { ...view(row), key, serverUrl, collectQrSvg: await collectQrSvg(serverUrl, auth.user.username, key) };
    },

    async revoke(auth: AuthContext, audit: AuditContext, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await revokeDeviceKey(tx, auth.user.id, id, deps.now()))) throw new DomainError('not_found');
        await appendAudit(tx, audit, { operation: 'device_key.revoked', recordType: 'device_key', recordId: id });
      });
    },

    /**
     * The session-like context of a device: the account its key opens, as if she had signed in
     * (her role, agency and jurisdiction), or null. An account being reset (a temporary password
     * to change) opens nothing from a device until she signs in herself.
     */
    async authenticate(username: string, key: string): Promise<(AuthContext & { deviceKeyId: string }) | null> {
      const row = await findDeviceAccount(db, username, deviceKeyHash(key));
      if (!row || row.user.mustChangePassword) return null;
      const now = deps.now();
      if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchDeviceKey(db, row.key.id, now);
      const role = row.user.role as Role;
      return {
        deviceKeyId: row.key.id,
        tokenHash: `device:${row.key.id}`,
        csrfToken: '',
        stage: 'active',
        notice: null,
        user: {
          id: row.user.id,
          username: row.user.username,
          displayName: row.user.displayName,
          role: row.user.role,
          agencyId: row.user.agencyId,
          national: row.user.national,
          regions: row.user.regions,
          totpEnabled: row.user.totpEnabled,
          mustChangePassword: row.user.mustChangePassword,
          disabled: row.user.disabled,
        },
        agency: { id: row.agency.id, name: { kk: row.agency.nameKk, ru: row.agency.nameRu, en: row.agency.nameEn }, type: row.agency.type },
        actor: { userId: row.user.id, role, agencyId: row.user.agencyId, jurisdiction: jurisdictionOf(row.user) },
      };
    },
  };
}

export type DeviceKeysService = ReturnType<typeof createDeviceKeysService>;
