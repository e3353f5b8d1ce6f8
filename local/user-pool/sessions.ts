// Sign-in sessions, one per refresh token. Cognito's refresh tokens are opaque to
// clients; here they are random strings, kept only as SHA-256 hashes. A session's
// `originJti` is the `origin_jti` claim of every token issued from it, which is
// what RevokeToken revokes and what tells aws-amplify that revoking is possible.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Session = {
  sub: string;
  clientId: string;
  originJti: string;
  /** Epoch seconds of the sign-in (the `auth_time` claim). */
  authTime: number;
  /** Epoch milliseconds. */
  expiresAt: number;
  revoked?: boolean;
};

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly file: string | null;

  constructor(folder: string | null) {
    this.file = folder ? join(folder, 'sessions.json') : null;
    if (this.file && existsSync(this.file)) {
      const now = Date.now();
      for (const [hash, session] of Object.entries(JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Session>)) {
        if (session.expiresAt > now) this.sessions.set(hash, session);
      }
    }
  }

  /** A new session and its refresh token (returned once, never kept). */
  open(sub: string, clientId: string, authTime: number, lifetimeMs: number): { session: Session; refreshToken: string } {
    const refreshToken = randomBytes(48).toString('base64url');
    const session: Session = { sub, clientId, originJti: randomUUID(), authTime, expiresAt: Date.now() + lifetimeMs };
    this.sessions.set(hashOf(refreshToken), session);
    this.save();
    return { session, refreshToken };
  }

  find(refreshToken: string): Session | undefined {
    return this.sessions.get(hashOf(refreshToken));
  }

  revoke(session: Session) {
    session.revoked = true;
    this.save();
  }

  isRevoked(originJti: string): boolean {
    for (const session of this.sessions.values()) if (session.originJti === originJti) return !!session.revoked;
    return false;
  }

  /** GlobalSignOut: every session of this user ends. */
  revokeAllOf(sub: string) {
    for (const session of this.sessions.values()) if (session.sub === sub) session.revoked = true;
    this.save();
  }

  private save() {
    if (this.file) writeFileSync(this.file, JSON.stringify(Object.fromEntries(this.sessions), null, 2) + '\n', { mode: 0o600 });
  }
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
