import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// argon2id (algorithm 2) with the OWASP-recommended minimum: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);
export const verifyPassword = (hashed: string, password: string): Promise<boolean> => verify(hashed, password);

/** Precomputed so an unknown username costs as much time as a wrong password. */
let dummyHash: Promise<string> | null = null;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verify(await dummyHash, password);
}

/** A temporary password an administrator reads out once; it satisfies the policy. */
export function temporaryPassword(): string {
  const raw = randomBytes(12).toString('base64url');
  return `Tmp-${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}-7`;
}
