// A small AppSync API of our own for the auth specifications: API_KEY by default,
// AMAZON_COGNITO_USER_POOLS as an additional mode with an `organizers` group, and
// fields opened by each kind of directive. Every resolver is on a NONE data
// source. Written to a temporary folder and served like any declaration.
import { SignJWT, type JWTPayload } from 'jose';
import type { KeyObject } from 'node:crypto';
import { startLocalAppSync, type LocalAppSync, type LocalAppSyncOptions } from '../../local/server.ts';
import { writeNoneApi } from '../support/none-api.ts';

const SCHEMA = /* GraphQL */ `
  type Query {
    "Unannotated: the default mode (API_KEY) only."
    open: String
    "Any signed-in user of the pool."
    whoami: Identity @aws_cognito_user_pools
    "Organizers only."
    secret: String @aws_cognito_user_pools(cognito_groups: ["organizers"])
    "The API key, or an organizer."
    either: String @aws_api_key @aws_cognito_user_pools(cognito_groups: ["organizers"])
    note: Note @aws_api_key @aws_cognito_user_pools
  }

  type Identity @aws_cognito_user_pools {
    authType: String
    sub: String
    username: String
    issuer: String
    groups: [String]
    tokenUse: String
    defaultAuthStrategy: String
    sourceIp: [String]
  }

  "Readable by both modes, except where a field says otherwise."
  type Note @aws_api_key @aws_cognito_user_pools {
    text: String
    "The field's directive replaces the type's: organizers only."
    internal: String @aws_cognito_user_pools(cognito_groups: ["organizers"])
  }

  type Message @aws_api_key @aws_cognito_user_pools {
    text: String!
  }

  type Mutation {
    publish(text: String!): Message @aws_cognito_user_pools(cognito_groups: ["organizers"])
  }

  type Subscription {
    onPublish: Message @aws_subscribe(mutations: ["publish"]) @aws_cognito_user_pools(cognito_groups: ["organizers"])
    onPublishForEveryone: Message @aws_subscribe(mutations: ["publish"]) @aws_api_key @aws_cognito_user_pools
  }
`;

const RESOLVERS: Record<string, string> = {
  'Query.open': `export const request = () => ({ payload: 'open' });\nexport const response = (ctx) => ctx.result;`,
  'Query.secret': `export const request = () => ({ payload: 'the secret' });\nexport const response = (ctx) => ctx.result;`,
  'Query.either': `export const request = () => ({ payload: 'either' });\nexport const response = (ctx) => ctx.result;`,
  'Query.note': `export const request = () => ({ payload: { text: 'a note', internal: 'internal' } });\nexport const response = (ctx) => ctx.result;`,
  'Query.whoami': `import { util } from '@aws-appsync/utils';
export const request = () => ({ payload: null });
export function response(ctx) {
  const id = ctx.identity;
  return {
    authType: util.authType(),
    sub: id.sub,
    username: id.username,
    issuer: id.issuer,
    groups: id.groups,
    tokenUse: id.claims.token_use,
    defaultAuthStrategy: id.defaultAuthStrategy,
    sourceIp: id.sourceIp,
  };
}`,
  'Mutation.publish': `export const request = (ctx) => ({ payload: { text: ctx.args.text } });\nexport const response = (ctx) => ctx.result;`,
};

export const ORGANIZER = { username: 'olivia', password: 'organizer-pass-1', groups: ['organizers'] };
export const MEMBER = { username: 'vic', password: 'member-pass-1', groups: [] as string[] };

/** Writes the API to a temporary folder and returns its declaration's path. */
export function writeAuthApi(): string {
  return writeNoneApi({
    name: 'auth-spec',
    schema: SCHEMA,
    resolvers: RESOLVERS,
    authorization: { default: 'API_KEY', additional: ['AMAZON_COGNITO_USER_POOLS'], userPool: { groups: ['organizers'] } },
  });
}

export function startAuthApi(options: Partial<LocalAppSyncOptions> = {}): Promise<LocalAppSync> {
  return startLocalAppSync({ declaration: writeAuthApi(), port: 0, host: '127.0.0.1', dataDir: null, users: [ORGANIZER, MEMBER], ...options });
}

/** POST /graphql with the given headers, no API key unless given. */
export async function post(server: LocalAppSync, query: string, headers: Record<string, string>, variables: Record<string, unknown> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), body: (await response.json()) as { data?: any; errors?: any[] } };
}

/** Signs a user in through the pool's own endpoint (InitiateAuth, USER_PASSWORD_AUTH), as Amplify does. */
export async function initiateAuth(server: LocalAppSync, username: string, password: string) {
  const response = await fetch(server.userPool!.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: server.userPool!.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), body: (await response.json()) as any };
}

export async function tokensOf(server: LocalAppSync, user: { username: string; password: string }) {
  const { body } = await initiateAuth(server, user.username, user.password);
  return body.AuthenticationResult as { IdToken: string; AccessToken: string; RefreshToken: string };
}

/** A token with the claims given, signed RS256 with the key given (the pool's own, or a stranger's). */
export function signToken(claims: JWTPayload, key: { kid: string; privateKey: KeyObject }) {
  return new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(key.privateKey);
}

/** The claims of a genuine access token of the server's pool, for a token that differs in one respect. */
export function accessClaims(server: LocalAppSync, overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  const pool = server.userPool!;
  const user = pool.users.get(ORGANIZER.username)!;
  return {
    sub: user.sub,
    'cognito:groups': user.groups,
    iss: pool.issuer,
    client_id: pool.clientId,
    origin_jti: 'origin',
    event_id: 'event',
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    iat: now,
    exp: now + 3600,
    jti: 'jti',
    username: user.username,
    ...overrides,
  };
}
