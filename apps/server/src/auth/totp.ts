import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Qorgau';

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totpFor = (secretBase32: string, username: string): TOTP =>
  new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });

export const otpauthUri = (secretBase32: string, username: string): string => totpFor(secretBase32, username).toString();

export async function otpauthQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/**
 * Returns the accepted time step, or null. One step of clock drift either way is accepted;
 * the caller rejects a step not newer than the last accepted one, so a code works once.
 */
export function acceptTotp(secretBase32: string, username: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const delta = totpFor(secretBase32, username).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

export const currentTotp = (secretBase32: string, username: string, now = Date.now()): string => totpFor(secretBase32, username).generate({ timestamp: now });
