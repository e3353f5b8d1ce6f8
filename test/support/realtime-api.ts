// A small AppSync API of our own for the real-time specifications: every
// subscription feature in one schema, every resolver on a NONE data source (the
// NONE publish pattern: a mutation that returns its arguments triggers subscribers).
// Written to a temporary folder and served by the local AppSync like any declaration.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startLocalAppSync, type LocalAppSync, type LocalAppSyncOptions } from '../../local/server.ts';
import { writeNoneApi } from './none-api.ts';
import { ProtocolClient } from './protocol-client.ts';

const SCHEMA = /* GraphQL */ `
  type Item {
    id: ID!
    title: String!
    group: String
    severity: Int
    tags: [String]
    owner: String
    nested: Nested
    blob: String
  }
  type Nested {
    level: Int
    label: String!
  }
  input NestedInput {
    level: Int
    label: String!
  }
  input ItemInput {
    id: ID!
    title: String!
    group: String
    severity: Int
    tags: [String]
    owner: String
    nested: NestedInput
    blob: String
  }
  type Removal {
    group: String!
  }
  type Query {
    ping: String
  }
  type Mutation {
    "NONE data source: the input comes back as the result."
    putItem(input: ItemInput!): Item
    "NONE data source returning ctx.args: the publish-only pattern."
    publishItem(id: ID!, title: String!, group: String, severity: Int): Item
    "Returns null: a mutation that publishes nothing."
    dropItem(id: ID!): Item
    "Closes the onGuarded subscriptions of a group (extensions.invalidateSubscriptions)."
    removeGroup(group: String!): Removal
  }
  type Subscription {
    "Basic filtering on three arguments."
    onItem(id: ID, group: String, severity: Int): Item @aws_subscribe(mutations: ["putItem", "publishItem", "dropItem"])
    "Its resolver sets an enhanced filter with util.transform.toSubscriptionFilter: severity >= minSeverity."
    onSevere(minSeverity: Int!): Item @aws_subscribe(mutations: ["putItem"])
    "Its resolver sets whatever filter the subscriber passes (AWSJSON), to try every operator and limit."
    onFilter(filter: AWSJSON!): Item @aws_subscribe(mutations: ["putItem"])
    "Its resolver refuses group 'secret' (util.unauthorized) and 'closed' (util.error); sets an invalidation filter on the group."
    onGuarded(group: String!): Item @aws_subscribe(mutations: ["putItem"])
    "Only IAM callers may subscribe."
    onIamOnly: Item @aws_subscribe(mutations: ["putItem"]) @aws_iam
  }
`;

const RESOLVERS: Record<string, string> = {
  'Mutation.putItem': `
    export function request(ctx) { return { payload: ctx.args.input }; }
    export function response(ctx) { return ctx.result; }
  `,
  'Mutation.publishItem': `
    export function request(ctx) { return { payload: ctx.args }; }
    export function response(ctx) { return ctx.result; }
  `,
  'Mutation.dropItem': `
    export function request() { return { payload: null }; }
    export function response() { return null; }
  `,
  'Mutation.removeGroup': `
    import { extensions } from '@aws-appsync/utils';
    export function request(ctx) { return { payload: ctx.args }; }
    export function response(ctx) {
      extensions.invalidateSubscriptions({ subscriptionField: 'onGuarded', payload: { group: ctx.args.group } });
      return ctx.result;
    }
  `,
  'Subscription.onSevere': `
    import { util, extensions } from '@aws-appsync/utils';
    export function request() { return { payload: null }; }
    export function response(ctx) {
      extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ severity: { ge: ctx.args.minSeverity } }));
      return null;
    }
  `,
  'Subscription.onFilter': `
    import { extensions } from '@aws-appsync/utils';
    export function request() { return { payload: null }; }
    export function response(ctx) {
      const filter = ctx.args.filter;
      extensions.setSubscriptionFilter(typeof filter === 'string' ? JSON.parse(filter) : filter);
      return null;
    }
  `,
  'Subscription.onGuarded': `
    import { util, extensions } from '@aws-appsync/utils';
    export function request() { return { payload: null }; }
    export function response(ctx) {
      if (ctx.args.group === 'secret') util.unauthorized();
      if (ctx.args.group === 'closed') util.error('This group is closed', 'GroupClosed');
      extensions.setSubscriptionInvalidationFilter({ filterGroup: [{ filters: [{ fieldName: 'group', operator: 'eq', value: ctx.args.group }] }] });
      return null;
    }
  `,
};

/** Writes the API to a fresh temporary folder; returns its declaration's path. */
export function writeRealtimeApi(): string {
  return writeNoneApi({ name: 'realtime-spec', schema: SCHEMA, resolvers: RESOLVERS, authorization: { default: 'API_KEY' } });
}

export async function startRealtimeApi(options: Partial<LocalAppSyncOptions> = {}): Promise<LocalAppSync> {
  return startLocalAppSync({ declaration: writeRealtimeApi(), port: 0, host: '127.0.0.1', dataDir: null, ...options });
}

/** A GraphQL request over plain HTTP. */
export async function request<T = any>(server: LocalAppSync, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: T; errors?: any[] };
}

export const PUT_ITEM = /* GraphQL */ `
  mutation Put($input: ItemInput!) { putItem(input: $input) { id title group severity tags owner nested { level label } blob } }
`;

/** putItem with the full selection: what most specifications publish. */
export async function putItem(server: LocalAppSync, input: Record<string, unknown>) {
  const answer = await request(server, PUT_ITEM, { input: { title: 'An item', ...input } });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

/**
 * One test file's real-time API: started before its tests, and the protocol
 * clients each test opens closed after it.
 */
export function realtimeApiForFile(options: Partial<LocalAppSyncOptions> = {}) {
  const clients: ProtocolClient[] = [];
  const fixture = {
    server: undefined as unknown as LocalAppSync,
    /** A client connected with the API key and acknowledged (connection_init sent). */
    async connected() {
      const client = await ProtocolClient.connect(fixture.server.realtimeUrl, { apiKey: fixture.server.apiKey });
      clients.push(client);
      await client.init();
      return client;
    },
  };
  beforeAll(async () => {
    fixture.server = await startRealtimeApi(options);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => fixture.server?.close());
  return fixture;
}
