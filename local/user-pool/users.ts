// The pool's users, kept in the data folder with scrypt-hashed passwords. Users
// are declared when the server starts (`--user name:password[:group,group]` or
// startLocalAppSync's `users`): a declared user is created, or has its password
// and groups set again; users not declared this time stay as they were.
// Usernames match case-insensitively, as in an Amplify Gen 2 pool.
import { randomBytes, randomUUID, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type UserSpec = { username: string; password: string; groups?: string[] };

export type User = {
  username: string;
  sub: string;
  passwordHash: string;
  groups: string[];
  createdAt: string;
  /** Set by GlobalSignOut: access tokens issued before it are refused by the pool's own operations. */
  signedOutAt?: number;
};

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

/** `name:password[:group,group]` — the password may not hold a colon; use startLocalAppSync's `users` for that. */
export function parseUserSpec(text: string): UserSpec {
  const [username, password, groups, ...rest] = text.split(':');
  if (!username || !password || rest.length) {
    throw new Error(`--user ${JSON.stringify(text)}: expected name:password or name:password:group,group`);
  }
  return { username, password, groups: groups ? groups.split(',').filter(Boolean) : [] };
}

export class UserStore {
  private readonly users = new Map<string, User>();
  private readonly file: string | null;

  constructor(folder: string | null) {
    this.file = folder ? join(folder, 'users.json') : null;
    if (this.file && existsSync(this.file)) {
      for (const user of JSON.parse(readFileSync(this.file, 'utf8')) as User[]) this.users.set(key(user.username), user);
    }
  }

  get(username: string): User | undefined {
    return this.users.get(key(username));
  }

  bySub(sub: string): User | undefined {
    for (const user of this.users.values()) if (user.sub === sub) return user;
    return undefined;
  }

  async put({ username, password, groups = [] }: UserSpec): Promise<User> {
    const existing = this.get(username);
    const user: User = {
      username: existing?.username ?? username,
      sub: existing?.sub ?? randomUUID(),
      passwordHash: await hashPassword(password),
      groups: [...new Set(groups)],
      createdAt: existing?.createdAt ?? new Date().toISOString(),
      ...(existing?.signedOutAt ? { signedOutAt: existing.signedOutAt } : {}),
    };
    this.users.set(key(username), user);
    this.save();
    return user;
  }

  signOut(user: User, at: number) {
    user.signedOutAt = at;
    this.save();
  }

  /** The user whose password this is, or undefined. An unknown name costs as much as a wrong password. */
  async authenticate(username: string, password: string): Promise<User | undefined> {
    const user = this.get(username);
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    return user && matches ? user : undefined;
  }

  private save() {
    if (this.file) writeFileSync(this.file, JSON.stringify([...this.users.values()], null, 2) + '\n', { mode: 0o600 });
  }
}

const key = (username: string) => username.toLowerCase();

function derive(password: string, salt: Buffer, { N, r, p, keylen }: typeof SCRYPT): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keylen, { N, r, p } satisfies ScryptOptions, (error, hash) => (error ? reject(error) : resolve(hash))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p), keylen: expected.length });
  return timingSafeEqual(actual, expected);
}

const DECOY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
