// An AppSync API with every authorization mode HandsUp's local AppSync serves:
// API_KEY by default, AMAZON_COGNITO_USER_POOLS, AWS_IAM and OPENID_CONNECT as
// additional modes, and fields opened by each directive alone or together.
// `whoami` answers util.authType() and ctx.identity as JSON. Every resolver is
// on a NONE data source; written to a temporary folder and served like any declaration.
import { WebSocket } from 'ws';
import { startLocalAppSync, type LocalAppSync, type LocalAppSyncOptions } from '../../local/server.ts';
import { writeNoneApi } from '../support/none-api.ts';

const SCHEMA = /* GraphQL */ `
  type Query {
    "Unannotated: the default mode (API_KEY) only."
    open: String
    whoami: String @aws_api_key @aws_cognito_user_pools @aws_iam @aws_oidc
    iamOnly: String @aws_iam
    oidcOnly: String @aws_oidc
    poolOnly: String @aws_cognito_user_pools
    keyOrIam: String @aws_api_key @aws_iam
    note: Note @aws_api_key @aws_iam @aws_oidc @aws_cognito_user_pools
  }

  "Each field says who may read it; the type's directives open the rest."
  type Note @aws_api_key @aws_iam @aws_oidc @aws_cognito_user_pools {
    text: String
    forIam: String @aws_iam
    forOidc: String @aws_oidc
    forPool: String @aws_cognito_user_pools
    forKey: String @aws_api_key
  }

  type Message @aws_api_key @aws_iam @aws_oidc @aws_cognito_user_pools {
    text: String!
  }

  type Mutation {
    publish(text: String!): Message @aws_api_key @aws_iam @aws_oidc
  }

  type Subscription {
    onPublish: Message @aws_subscribe(mutations: ["publish"]) @aws_iam @aws_oidc
    onPublishForIam: Message @aws_subscribe(mutations: ["publish"]) @aws_iam
  }
`;

const value = (text: string) => `export const request = () => ({ payload: ${JSON.stringify(text)} });\nexport const response = (ctx) => ctx.result;`;

const RESOLVERS: Record<string, string> = {
  'Query.open': value('open'),
  'Query.iamOnly': value('for IAM callers'),
  'Query.oidcOnly': value('for OIDC callers'),
  'Query.poolOnly': value('for user-pool callers'),
  'Query.keyOrIam': value('for the key or IAM'),
  'Query.note': `export const request = () => ({ payload: { text: 'a note', forIam: 'iam', forOidc: 'oidc', forPool: 'pool', forKey: 'key' } });\nexport const response = (ctx) => ctx.result;`,
  'Query.whoami': `import { util } from '@aws-appsync/utils';
export const request = () => ({ payload: null });
export const response = (ctx) => JSON.stringify({ authType: util.authType(), identity: ctx.identity });`,
  'Mutation.publish': `export const request = (ctx) => ({ payload: { text: ctx.args.text } });\nexport const response = (ctx) => ctx.result;`,
};

export const IAM_USER = { name: 'backend', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
export const ACCOUNT_ID = '123456789012';
export const CLIENT_ID = 'handsup-web';
export const POOL_USER = { username: 'olivia', password: 'organizer-pass-1', groups: [] as string[] };

/** Writes the API to a temporary folder and returns its declaration's path. */
export function writeModesApi(issuer: string, openIdConnect: Record<string, unknown> = {}): string {
  return writeNoneApi({
    name: 'modes-spec',
    schema: SCHEMA,
    resolvers: RESOLVERS,
    authorization: {
      default: 'API_KEY',
      additional: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM', 'OPENID_CONNECT'],
      iam: { accountId: ACCOUNT_ID, users: [IAM_USER] },
      openIdConnect: { issuer, clientId: CLIENT_ID, ...openIdConnect },
    },
  });
}

export function startModesApi(issuer: string, options: Partial<LocalAppSyncOptions> & { openIdConnect?: Record<string, unknown> } = {}): Promise<LocalAppSync> {
  const { openIdConnect, ...rest } = options;
  return startLocalAppSync({ declaration: writeModesApi(issuer, openIdConnect), port: 0, host: '127.0.0.1', dataDir: null, users: [POOL_USER], ...rest });
}

export async function post(server: LocalAppSync, body: string, headers: Record<string, string>) {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), body: (await response.json()) as { data?: any; errors?: any[] } };
}

/**
 * A real-time connection whose handshake carries `header` (AWS's authorization header for the
 * mode) the way `form` says: as aws-amplify's header- subprotocol, or in the query string.
 * `next(...types)` takes the first frame of one of those types, whatever came between.
 */
export async function realtimeWithHeader(server: LocalAppSync, header: object, form: 'subprotocol' | 'query') {
  const encoded = Buffer.from(JSON.stringify(header));
  const socket =
    form === 'subprotocol'
      ? new WebSocket(server.realtimeUrl, ['graphql-ws', `header-${encoded.toString('base64url')}`])
      : new WebSocket(`${server.realtimeUrl}?header=${encodeURIComponent(encoded.toString('base64'))}&payload=e30=`, ['graphql-ws']);
  const frames: any[] = [];
  socket.on('message', (raw) => frames.push(JSON.parse(raw.toString())));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  const next = async (...types: string[]) => {
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
      const index = frames.findIndex((f) => types.includes(f.type));
      if (index >= 0) return frames.splice(index, 1)[0];
    }
    throw new Error(`no ${types.join('/')} frame; got ${JSON.stringify(frames)}`);
  };
  /** A start frame: the request as a JSON string, with this authorization for it. */
  const start = (id: string, data: string, authorization: object) => socket.send(JSON.stringify({ id, type: 'start', payload: { data, extensions: { authorization } } }));
  return { socket, next, start };
}
