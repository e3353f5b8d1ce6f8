// nextToken is opaque to clients, as in AppSync: the engine's LastEvaluatedKey, sealed with
// the table, index and operation it belongs to so it cannot be replayed against another.
import { validationError } from './errors.ts';

export function encodeNextToken(lastKey: unknown, scope: string): string | null {
  if (!lastKey) return null;
  return Buffer.from(JSON.stringify({ s: scope, k: lastKey })).toString('base64url');
}

export function decodeNextToken(token: string | undefined | null, scope: string): unknown {
  if (!token) return undefined;
  let parsed: { s?: string; k?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8'));
  } catch {
    parsed = {};
  }
  if (parsed.s !== scope || !parsed.k) throw validationError('Invalid pagination token given.');
  return parsed.k;
}
