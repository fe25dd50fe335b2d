import { z } from 'zod';
import { text } from './primitives.ts';

/**
 * A field device's key (issue #14): what ODK Collect, KoboCollect or Enketo use as the
 * password of the OpenRosa server, with the user's own username. Shown once, when created.
 */
export const DeviceKeyCreateBody = z.object({ label: text({ min: 1, max: 80 }) });

export const DeviceKey = z.object({
  id: z.uuid(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type DeviceKey = z.infer<typeof DeviceKey>;

export const DeviceKeyCreated = DeviceKey.extend({
  /** The key itself: shown this once, never stored (only its hash is). */
  key: z.string(),
  /** The server address to enter in the app's settings. */
  serverUrl: z.string(),
  /** ODK Collect's configuration QR code (server, username, key), as SVG: scanned once, nothing typed. */
  collectQrSvg: z.string(),
});
export type DeviceKeyCreated = z.infer<typeof DeviceKeyCreated>;

export const DeviceKeyList = z.object({ items: z.array(DeviceKey) });
