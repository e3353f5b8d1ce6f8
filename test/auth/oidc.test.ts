// OPENID_CONNECT: tokens of an OpenID provider (a small local issuer the test
// starts), verified against the keys its discovery document points to, with the
// API's clientId, iatTTL and authTTL; on HTTP and on the real-time endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { startOidcIssuer, type OidcIssuer } from '../support/oidc-issuer.ts';
import { post, realtimeWithHeader, startModesApi } from './modes-api.ts';

const WHOAMI = JSON.stringify({ query: '{ whoami }' });

let issuer: OidcIssuer;
let server: LocalAppSync;
/** The same API with iatTTL and authTTL of one minute. */
let strict: LocalAppSync;

beforeAll(async () => {
  issuer = await startOidcIssuer();
  [server, strict] = await Promise.all([startModesApi(issuer.issuer), startModesApi(issuer.issuer, { openIdConnect: { iatTTL: 60_000, authTTL: 60_000 } })]);
});
afterAll(async () => {
  await Promise.all([server?.close(), strict?.close()]);
  await issuer?.close();
});

const secondsAgo = (seconds: number) => Math.floor(Date.now() / 1000) - seconds;
const UNAUTHORIZED = (message: string) => ({ status: 401, errorType: 'UnauthorizedException', body: { errors: [{ errorType: 'UnauthorizedException', message }] } });

describe('OPENID_CONNECT over HTTP', () => {
  it('answers a token of the issuer for the API’s client id, as util.authType() Open ID Connect Authorization', async () => {
    const { status, body } = await post(server, WHOAMI, { authorization: await issuer.token() });
    expect(status).toBe(200);
    expect(JSON.parse(body.data.whoami).authType).toBe('Open ID Connect Authorization');
  });

  it('gives ctx.identity the token’s sub, issuer and claims', async () => {
    const { body } = await post(server, WHOAMI, { authorization: await issuer.token({ sub: 'user-42', email: 'ada@example.com' }) });
    const { identity } = JSON.parse(body.data.whoami);
    expect(identity).toEqual({ sub: 'user-42', issuer: issuer.issuer, claims: expect.objectContaining({ sub: 'user-42', email: 'ada@example.com', aud: 'handsup-web', iss: issuer.issuer }) });
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    expect(await post(server, WHOAMI, { authorization: await issuer.token({}, { key: 'stranger' }) })).toEqual(UNAUTHORIZED('Valid authorization header not provided.'));
  });

  it('refuses a token for another client id (aud)', async () => {
    expect(await post(server, WHOAMI, { authorization: await issuer.token({ aud: 'another-app' }) })).toEqual(UNAUTHORIZED('Valid authorization header not provided.'));
  });

  it('refuses an expired token', async () => {
    expect(await post(server, WHOAMI, { authorization: await issuer.token({ iat: secondsAgo(7200), exp: secondsAgo(3600) }) })).toEqual(UNAUTHORIZED('Token has expired.'));
  });

  it('refuses a token issued longer ago than iatTTL', async () => {
    expect(await post(strict, WHOAMI, { authorization: await issuer.token({ iat: secondsAgo(120), auth_time: secondsAgo(1) }) })).toEqual(UNAUTHORIZED('Token has expired.'));
  });

  it('refuses a token whose authentication is older than authTTL', async () => {
    expect(await post(strict, WHOAMI, { authorization: await issuer.token({ auth_time: secondsAgo(120) }) })).toEqual(UNAUTHORIZED('Token has expired.'));
  });

  it('accepts a fresh token within iatTTL and authTTL', async () => {
    const { status } = await post(strict, WHOAMI, { authorization: await issuer.token({ auth_time: secondsAgo(5) }) });
    expect(status).toBe(200);
  });

  it('fetches the issuer’s keys once, not per request', async () => {
    const before = issuer.jwksFetches;
    for (let i = 0; i < 3; i++) await post(server, WHOAMI, { authorization: await issuer.token() });
    expect(issuer.jwksFetches - before).toBe(0);
  });

  it('lets an OIDC caller into @aws_oidc fields and refuses it the others', async () => {
    const { body } = await post(server, JSON.stringify({ query: '{ oidcOnly iamOnly poolOnly }' }), { authorization: await issuer.token() });
    expect(body.data).toEqual({ oidcOnly: 'for OIDC callers', iamOnly: null, poolOnly: null });
    expect(body.errors!.map((e: any) => e.message)).toEqual(['Not Authorized to access iamOnly on type Query', 'Not Authorized to access poolOnly on type Query']);
  });

  it('refuses tokens while the issuer cannot be reached, and keeps serving', async () => {
    const gone = await startOidcIssuer();
    await gone.close();
    const api = await startModesApi(gone.issuer);
    try {
      expect(await post(api, WHOAMI, { authorization: await gone.token() })).toEqual(UNAUTHORIZED('Valid authorization header not provided.'));
      expect((await post(api, JSON.stringify({ query: '{ open }' }), { 'x-api-key': api.apiKey })).body).toEqual({ data: { open: 'open' } });
    } finally {
      await api.close();
    }
  });
});

describe('OPENID_CONNECT on the real-time endpoint', () => {
  async function connect(form: 'subprotocol' | 'query', authorization: string) {
    const host = new URL(server.url).host;
    const connection = await realtimeWithHeader(server, { host, Authorization: authorization }, form);
    const start = (id: string, query: string, token = authorization) => connection.start(id, JSON.stringify({ query, variables: {} }), { host, Authorization: token });
    return { ...connection, start };
  }

  it('acknowledges a handshake with the token in the header- subprotocol and delivers to its subscription', async () => {
    const token = await issuer.token();
    const client = await connect('subprotocol', token);
    expect((await client.next('connection_ack', 'connection_error')).type).toBe('connection_ack');
    client.start('o1', 'subscription { onPublish { text } }');
    expect(await client.next('start_ack', 'error')).toEqual({ type: 'start_ack', id: 'o1' });
    await post(server, JSON.stringify({ query: 'mutation { publish(text: "hello oidc") { text } }' }), { authorization: token });
    expect(await client.next('data')).toEqual({ type: 'data', id: 'o1', payload: { data: { onPublish: { text: 'hello oidc' } } } });
    client.socket.close();
  });

  it('acknowledges a handshake with the token in the header query parameter', async () => {
    const client = await connect('query', await issuer.token());
    expect((await client.next('connection_ack', 'connection_error')).type).toBe('connection_ack');
    client.socket.close();
  });

  it('refuses a handshake with a forged token', async () => {
    const client = await connect('subprotocol', await issuer.token({}, { key: 'stranger' }));
    expect((await client.next('connection_ack', 'connection_error')).payload.errors[0].errorType).toBe('com.amazonaws.deepdish.graphql.auth#UnauthorizedException');
    client.socket.close();
  });

  it('refuses an OIDC subscriber an @aws_iam subscription', async () => {
    const client = await connect('subprotocol', await issuer.token());
    await client.next('connection_ack');
    client.start('o2', 'subscription { onPublishForIam { text } }');
    expect(await client.next('error', 'start_ack')).toEqual({
      type: 'error',
      id: 'o2',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onPublishForIam on type Subscription' }] },
    });
    client.socket.close();
  });
});
