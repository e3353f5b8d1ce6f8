// The pool's signing keys: two RSA key pairs, as Cognito has (one signs ID
// tokens, the other access tokens), published as a JWKS. Kept in the data folder
// so tokens stay valid across restarts; made fresh when there is no folder.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Jwk = { kty: string; n: string; e: string; kid: string; alg: 'RS256'; use: 'sig' };

export type SigningKey = { kid: string; privateKey: KeyObject; jwk: Jwk };

export type PoolKeys = { id: SigningKey; access: SigningKey; jwks: { keys: Jwk[] } };

type StoredKeys = { id: { kid: string; pem: string }; access: { kid: string; pem: string } };

export function poolKeysFor(folder: string | null): PoolKeys {
  const file = folder ? join(folder, 'keys.json') : null;
  let stored: StoredKeys;
  if (file && existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as StoredKeys;
  } else {
    stored = { id: newKey(), access: newKey() };
    if (file) writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
  }
  const id = signingKey(stored.id);
  const access = signingKey(stored.access);
  return { id, access, jwks: { keys: [id.jwk, access.jwk] } };
}

function newKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

function signingKey({ kid, pem }: { kid: string; pem: string }): SigningKey {
  const privateKey = createPrivateKey(pem);
  const { kty, n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
  return { kid, privateKey, jwk: { alg: 'RS256', e: e!, kid, kty: kty!, n: n!, use: 'sig' } };
}
