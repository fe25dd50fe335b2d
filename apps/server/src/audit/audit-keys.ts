import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KeyFileError, type KeyringFile } from '../crypto/keyring.ts';

/** The audit chain's keys, from the key file (outside the database; ADR 0007). */
export interface AuditKeys {
  /** HMAC-SHA-256 key of the chain links. */
  macKey: Buffer;
  /** Ed25519 key that signs checkpoints. */
  signingKey: KeyObject;
  /** Its public half: what an auditor keeps to check checkpoints without any secret. */
  publicKey: KeyObject;
  /** A short fingerprint of the public key (SHA-256 of its DER form, 16 hex digits). */
  keyId: string;
}

export function auditKeysFrom(file: KeyringFile): AuditKeys {
  if (!file.audit) throw new KeyFileError('the key file has no audit keys');
  let signingKey: KeyObject;
  try {
    signingKey = createPrivateKey({ key: Buffer.from(file.audit.signingKey, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new KeyFileError("the key file's audit signing key is not a PKCS#8 key (damaged key file?)");
  }
  if (signingKey.asymmetricKeyType !== 'ed25519') throw new KeyFileError("the key file's audit signing key is not an Ed25519 key");
  const publicKey = createPublicKey(signingKey);
  return { macKey: Buffer.from(file.audit.macKey, 'base64'), signingKey, publicKey, keyId: keyIdOf(publicKey) };
}

export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);

export const publicKeyPem = (publicKey: KeyObject): string => publicKey.export({ format: 'pem', type: 'spki' }).toString();

/** An auditor's copy of the public key (PEM, as printed by `qorgau audit public-key`). */
export function readPublicKey(path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new KeyFileError(`cannot read public key ${path}: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyFileError(`${path} is not an Ed25519 public key`);
  return key;
}
