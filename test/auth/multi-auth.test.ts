// One API, four modes — API_KEY (default), AMAZON_COGNITO_USER_POOLS, AWS_IAM and
// OPENID_CONNECT — and per-field directives: each caller is recognised by its
// credentials (a JWT by its issuer), and each field opens to the modes it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { startOidcIssuer, type OidcIssuer } from '../support/oidc-issuer.ts';
import { signedFetchHeaders } from '../support/sigv4.ts';
import { tokensOf } from './api.ts';
import { IAM_USER, POOL_USER, post, startModesApi } from './modes-api.ts';

let issuer: OidcIssuer;
let server: LocalAppSync;
/** Each mode's way of calling: the headers for a given body. */
let callers: Record<'API_KEY' | 'AMAZON_COGNITO_USER_POOLS' | 'AWS_IAM' | 'OPENID_CONNECT', (body: string) => Promise<Record<string, string>>>;

beforeAll(async () => {
  issuer = await startOidcIssuer();
  server = await startModesApi(issuer.issuer);
  const poolToken = (await tokensOf(server, POOL_USER)).AccessToken;
  const oidcToken = await issuer.token();
  callers = {
    API_KEY: async () => ({ 'x-api-key': server.apiKey }),
    AMAZON_COGNITO_USER_POOLS: async () => ({ authorization: poolToken }),
    AWS_IAM: (body) => signedFetchHeaders(server.url, body, IAM_USER),
    OPENID_CONNECT: async () => ({ authorization: oidcToken }),
  };
});
afterAll(async () => {
  await server?.close();
  await issuer?.close();
});

async function as(mode: keyof typeof callers, query: string) {
  const body = JSON.stringify({ query });
  return post(server, body, await callers[mode](body));
}

describe('multi-auth with per-field directives', () => {
  it.each([
    ['API_KEY', 'API Key Authorization'],
    ['AMAZON_COGNITO_USER_POOLS', 'User Pool Authorization'],
    ['AWS_IAM', 'IAM Authorization'],
    ['OPENID_CONNECT', 'Open ID Connect Authorization'],
  ] as const)('recognises a %s caller by its credentials', async (mode, authType) => {
    const { body } = await as(mode, '{ whoami }');
    expect(JSON.parse(body.data.whoami).authType).toBe(authType);
  });

  it.each([
    ['API_KEY', 'forKey', 'key'],
    ['AMAZON_COGNITO_USER_POOLS', 'forPool', 'pool'],
    ['AWS_IAM', 'forIam', 'iam'],
    ['OPENID_CONNECT', 'forOidc', 'oidc'],
  ] as const)('gives a %s caller the type’s fields and its own mode’s field, and nulls the others', async (mode, own, value) => {
    const { body } = await as(mode, '{ note { text forKey forPool forIam forOidc } }');
    const note = { text: 'a note', forKey: null, forPool: null, forIam: null, forOidc: null, [own]: value };
    expect(body.data).toEqual({ note });
    expect(body.errors!.map((e: any) => e.message).sort()).toEqual(
      ['forKey', 'forPool', 'forIam', 'forOidc'].filter((field) => field !== own).map((field) => `Not Authorized to access ${field} on type Note`).sort(),
    );
  });

  it('keeps the unannotated field to the default mode (API_KEY) alone', async () => {
    const answers = await Promise.all((['API_KEY', 'AMAZON_COGNITO_USER_POOLS', 'AWS_IAM', 'OPENID_CONNECT'] as const).map((mode) => as(mode, '{ open }')));
    expect(answers.map(({ body }) => body.data.open)).toEqual(['open', null, null, null]);
  });

  it('tells a user-pool token from an OIDC token by its issuer', async () => {
    const pool = await as('AMAZON_COGNITO_USER_POOLS', '{ poolOnly oidcOnly }');
    const oidc = await as('OPENID_CONNECT', '{ poolOnly oidcOnly }');
    expect([pool.body.data, oidc.body.data]).toEqual([
      { poolOnly: 'for user-pool callers', oidcOnly: null },
      { poolOnly: null, oidcOnly: 'for OIDC callers' },
    ]);
  });
});
