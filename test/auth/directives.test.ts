// AppSync's auth directives, enforced field by field during execution: what each
// caller gets back for a field it may not use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantsFor } from '../../local/auth/directives.ts';
import { buildAppSyncSchema } from '../../local/graphql/schema.ts';
import type { LocalAppSync } from '../../local/server.ts';
import { MEMBER, ORGANIZER, post, startAuthApi, tokensOf } from './api.ts';

let server: LocalAppSync;
let organizer: Record<string, string>;
let member: Record<string, string>;
let voter: Record<string, string>;

beforeAll(async () => {
  server = await startAuthApi();
  organizer = { authorization: (await tokensOf(server, ORGANIZER)).AccessToken };
  member = { authorization: (await tokensOf(server, MEMBER)).AccessToken };
  voter = { 'x-api-key': server.apiKey };
});
afterAll(() => server?.close());

const refusal = (field: string, type: string, path: (string | number)[]) =>
  expect.objectContaining({ errorType: 'Unauthorized', message: `Not Authorized to access ${field} on type ${type}`, path, data: null, errorInfo: null });

describe('auth directives on fields and types', () => {
  it('gives an API-key caller null and Unauthorized on a @aws_cognito_user_pools(cognito_groups: ["organizers"]) field', async () => {
    const { status, body } = await post(server, '{ secret }', voter);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { secret: null }, errors: [refusal('secret', 'Query', ['secret'])] });
  });

  it('refuses an API-key caller an organizers-only mutation', async () => {
    const { body } = await post(server, 'mutation { publish(text: "hi") { text } }', voter);
    expect(body).toEqual({ data: { publish: null }, errors: [refusal('publish', 'Mutation', ['publish'])] });
  });

  it('opens an unannotated field to the default mode only, not to a user of the pool', async () => {
    expect((await post(server, '{ open }', voter)).body).toEqual({ data: { open: 'open' } });
    expect((await post(server, '{ open }', organizer)).body).toEqual({ data: { open: null }, errors: [refusal('open', 'Query', ['open'])] });
  });

  it('ORs several directives: the API key or an organizer, but not a user outside the group', async () => {
    expect((await post(server, '{ either }', voter)).body).toEqual({ data: { either: 'either' } });
    expect((await post(server, '{ either }', organizer)).body).toEqual({ data: { either: 'either' } });
    expect((await post(server, '{ either }', member)).body).toEqual({ data: { either: null }, errors: [refusal('either', 'Query', ['either'])] });
  });

  it('lets a field’s directive replace its type’s: an API-key caller reads the note but not its organizers-only field', async () => {
    const { body } = await post(server, '{ note { text internal } }', voter);
    expect(body).toEqual({ data: { note: { text: 'a note', internal: null } }, errors: [refusal('internal', 'Note', ['note', 'internal'])] });
    expect((await post(server, '{ note { text internal } }', organizer)).body).toEqual({ data: { note: { text: 'a note', internal: 'internal' } } });
  });

  it('checks fields without a resolver too, by their type’s directives', async () => {
    const { body } = await post(server, '{ whoami { username } }', voter);
    expect(body).toEqual({ data: { whoami: null }, errors: [refusal('whoami', 'Query', ['whoami'])] });
  });

  it('lets any user of the pool use a @aws_cognito_user_pools field without groups', async () => {
    expect((await post(server, '{ whoami { username } }', member)).body).toEqual({ data: { whoami: { username: MEMBER.username } } });
  });
});

describe('@aws_auth, the legacy directive', () => {
  const schema = buildAppSyncSchema(`
    type Query { staff: String @aws_auth(cognito_groups: ["staff"]) }
  `);
  const query = schema.getQueryType()!;
  const staff = query.getFields().staff!;

  it('restricts to its groups when user pools are the only mode', () => {
    expect(grantsFor(query, staff, { default: 'AMAZON_COGNITO_USER_POOLS', additional: [] })).toEqual([{ mode: 'AMAZON_COGNITO_USER_POOLS', groups: ['staff'] }]);
  });

  it('is ignored when the API has other modes, leaving the default mode alone', () => {
    expect(grantsFor(query, staff, { default: 'API_KEY', additional: ['AMAZON_COGNITO_USER_POOLS'] })).toEqual([{ mode: 'API_KEY' }]);
  });
});
