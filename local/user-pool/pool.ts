// A local Cognito user pool: one app client, its groups, its users, its signing
// keys. The ids look like Cognito's (`us-east-1_AbC123xyz`, a 26-character
// client id) and are kept in the data folder with everything else, so a browser's
// configuration and signed-in session survive a restart.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { Errors } from './errors.ts';
import { poolKeysFor, type PoolKeys } from './keys.ts';
import { SessionStore } from './sessions.ts';
import { issueTokens, type IssuedTokens } from './tokens.ts';
import { UserStore, type User, type UserSpec } from './users.ts';

/** Where the pool listens on the local AppSync's port; its issuer is `<origin>/cognito-idp/<poolId>`, as Cognito's is `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
export const USER_POOL_PATH = '/cognito-idp';

export type UserPoolOptions = {
  /** Folder for the pool's ids, keys, users and sessions; null keeps them in memory. */
  folder: string | null;
  region?: string;
  /** The groups the pool has (the declaration's authorization.userPool.groups). */
  groups?: readonly string[];
  /** Users to create, or whose password and groups to set. */
  users?: readonly UserSpec[];
  /** ID and access token lifetime; Cognito's default is an hour. */
  tokenLifetimeSeconds?: number;
  /** Refresh token lifetime; Cognito's default is 30 days. */
  refreshTokenLifetimeSeconds?: number;
};

type PoolIdentity = { userPoolId: string; clientId: string; region: string };

export class UserPool {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly region: string;
  readonly groups: readonly string[];
  readonly keys: PoolKeys;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokenLifetimeSeconds: number;
  readonly refreshTokenLifetimeSeconds: number;
  private origin: string | undefined;
  private readonly jwks: ReturnType<typeof createLocalJWKSet>;

  private constructor(identity: PoolIdentity, options: UserPoolOptions) {
    this.userPoolId = identity.userPoolId;
    this.clientId = identity.clientId;
    this.region = identity.region;
    this.groups = [...(options.groups ?? [])];
    this.keys = poolKeysFor(options.folder);
    this.users = new UserStore(options.folder);
    this.sessions = new SessionStore(options.folder);
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
    this.refreshTokenLifetimeSeconds = options.refreshTokenLifetimeSeconds ?? 30 * 24 * 3600;
    this.jwks = createLocalJWKSet(this.keys.jwks);
  }

  static async open(options: UserPoolOptions): Promise<UserPool> {
    if (options.folder) mkdirSync(options.folder, { recursive: true });
    const pool = new UserPool(identityFor(options.folder, options.region ?? 'us-east-1'), options);
    for (const spec of options.users ?? []) {
      const unknown = (spec.groups ?? []).filter((group) => !pool.groups.includes(group));
      if (unknown.length) {
        throw new Error(`user ${spec.username}: no group named ${unknown.join(', ')} in the user pool (its groups: ${pool.groups.join(', ') || 'none'})`);
      }
      await pool.users.put(spec);
    }
    return pool;
  }

  /** Called once the server listens: the origin (`http://127.0.0.1:4000`) names the issuer. */
  publishAt(origin: string) {
    this.origin = origin;
  }

  get endpoint(): string {
    return `${this.requireOrigin()}${USER_POOL_PATH}/`;
  }

  get issuer(): string {
    return `${this.requireOrigin()}${USER_POOL_PATH}/${this.userPoolId}`;
  }

  /** The pool's public keys, as Cognito serves them at `<issuer>/.well-known/jwks.json`. */
  get publicKeys() {
    return this.jwks;
  }

  /** A sign-in: a new session, its refresh token, and the first ID and access tokens. */
  async signIn(user: User, clientId: string): Promise<IssuedTokens & { RefreshToken: string }> {
    const { session, refreshToken } = this.sessions.open(user.sub, clientId, Math.floor(Date.now() / 1000), this.refreshTokenLifetimeSeconds * 1000);
    return { ...(await this.tokensFor(user, session)), RefreshToken: refreshToken };
  }

  /** New ID and access tokens for a refresh token (REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken). */
  async refresh(refreshToken: string, clientId: string): Promise<IssuedTokens> {
    const session = this.sessions.find(refreshToken);
    if (!session || session.clientId !== clientId) throw Errors.invalidRefreshToken();
    if (session.revoked) throw Errors.refreshTokenRevoked();
    if (session.expiresAt <= Date.now()) throw Errors.refreshTokenExpired();
    const user = this.users.bySub(session.sub);
    if (!user) throw Errors.userNotFound();
    return this.tokensFor(user, session);
  }

  /**
   * The user of an access token, for the operations that take one (GetUser,
   * GlobalSignOut). Unlike AppSync, which only checks the token itself, the pool
   * also refuses access tokens that were revoked.
   */
  async userOfAccessToken(accessToken: string): Promise<User> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(accessToken, this.jwks, { issuer: this.issuer, algorithms: ['RS256'] }));
    } catch (error) {
      throw error instanceof errors.JWTExpired ? Errors.accessTokenExpired() : Errors.invalidAccessToken();
    }
    if (payload.token_use !== 'access' || payload.client_id !== this.clientId) throw Errors.invalidAccessToken();
    const user = typeof payload.sub === 'string' ? this.users.bySub(payload.sub) : undefined;
    if (!user) throw Errors.userNotFound();
    const revoked =
      (typeof payload.origin_jti === 'string' && this.sessions.isRevoked(payload.origin_jti)) ||
      (user.signedOutAt !== undefined && (payload.iat ?? 0) * 1000 < user.signedOutAt);
    if (revoked) throw Errors.accessTokenRevoked();
    return user;
  }

  requireClient(clientId: unknown): string {
    if (typeof clientId !== 'string' || !clientId) throw Errors.missingParameter('ClientId');
    if (clientId !== this.clientId) throw Errors.unknownClient(clientId);
    return clientId;
  }

  private tokensFor(user: User, session: Parameters<typeof issueTokens>[1]) {
    return issueTokens(user, session, {
      issuer: this.issuer,
      idKey: this.keys.id,
      accessKey: this.keys.access,
      lifetimeSeconds: this.tokenLifetimeSeconds,
    });
  }

  private requireOrigin(): string {
    if (!this.origin) throw new Error('The user pool has no address yet: the server is not listening.');
    return this.origin;
  }
}

function identityFor(folder: string | null, region: string): PoolIdentity {
  const file = folder ? join(folder, 'pool.json') : null;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PoolIdentity;
  const identity = { userPoolId: `${region}_${randomString(9, ALPHANUMERIC)}`, clientId: randomString(26, LOWER_ALPHANUMERIC), region };
  if (file) writeFileSync(file, JSON.stringify(identity, null, 2) + '\n');
  return identity;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomString(length: number, alphabet: string): string {
  let out = '';
  for (const byte of randomBytes(length)) out += alphabet[byte % alphabet.length];
  return out;
}
