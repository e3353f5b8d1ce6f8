// API_KEY auth. Keys look like AppSync's (da2- and 26 characters) and are kept
// in the data folder, so a client's configuration stays valid across restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newApiKey(): string {
  const bytes = randomBytes(26);
  let key = 'da2-';
  for (const byte of bytes) key += ALPHABET[byte % ALPHABET.length];
  return key;
}

/** The API key kept in dataDir (made on first start), or a fresh one when there is no data folder. */
export function apiKeyFor(dataDir: string | null): string {
  if (!dataDir) return newApiKey();
  const file = join(dataDir, 'api-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = newApiKey();
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}
